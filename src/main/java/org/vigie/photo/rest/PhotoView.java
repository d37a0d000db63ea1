package org.vigie.photo.rest;

import org.vigie.photo.Photo;

import java.time.OffsetDateTime;

/**
 * A photo on the wire: where to fetch it and its thumbnail (paths on this server), its size, and
 * whether it shows the camera's sign ({@code ofSign}, issue 17) rather than the camera.
 */
public record PhotoView(long id, long cameraId, String url, String thumbnailUrl, int width, int height,
                        boolean ofSign, OffsetDateTime createdAt) {

    public static PhotoView of(Photo photo) {
        String url = PhotoResource.PATH + "/" + photo.id;
        return new PhotoView(photo.id, photo.cameraId, url, url + "/thumbnail", photo.width, photo.height, photo.ofSign, photo.createdAt);
    }
}
