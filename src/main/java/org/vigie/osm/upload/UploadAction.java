package org.vigie.osm.upload;

import org.vigie.camera.attribute.WireEnum;

/**
 * What an upload does to an OpenStreetMap node (osm_upload_item.action, and the osmChange
 * document's sections, in this order): a camera OpenStreetMap lacks is created, one it has is
 * modified, one taken down is deleted. Its values are listed here only (EnumerationChecksTest).
 */
public enum UploadAction implements WireEnum {
    CREATE, MODIFY, DELETE
}
