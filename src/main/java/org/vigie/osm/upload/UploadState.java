package org.vigie.osm.upload;

import org.vigie.camera.attribute.WireEnum;

/**
 * Where an upload stands: written down and sent, OpenStreetMap's answer not recorded yet; or done.
 * One still sending when the next upload starts was cut short ({@link UploadJournal}).
 */
public enum UploadState implements WireEnum {
    SENDING, DONE
}
