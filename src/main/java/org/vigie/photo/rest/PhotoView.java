package org.vigie.photo.rest;

import org.vigie.photo.Photo;

import java.time.OffsetDateTime;

/** A photo on the wire: where to fetch it and its thumbnail (paths on this server), and its size. */
public record PhotoView(long id, long cameraId, String url, String thumbnailUrl, int width, int height,
                        OffsetDateTime createdAt) {

    public static PhotoView of(Photo photo) {
        String url = PhotoResource.PATH + "/" + photo.id;
        return new PhotoView(photo.id, photo.cameraId, url, url + "/thumbnail", photo.width, photo.height, photo.createdAt);
    }
}
