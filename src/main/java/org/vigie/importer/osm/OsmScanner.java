package org.vigie.importer.osm;

/** One pass over an OSM file of some format; each call reads the file again from the start. */
interface OsmScanner {

    void scan(OsmHandler handler);
}
