package org.vigie.basemap;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tiles in memory, least recently used dropped first once their bytes exceed the budget. */
final class TileCache {

    /** A tile as the tile server sent it, with what is needed to revalidate it once stale. */
    record Tile(byte[] bytes, String contentType, String etag, String lastModified, Instant expires) {

        boolean fresh(Instant now) {
            return now.isBefore(expires);
        }

        Tile until(Instant newExpiry) {
            return new Tile(bytes, contentType, etag, lastModified, newExpiry);
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Tile> tiles = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Tile get(String key) {
        return tiles.get(key);
    }

    synchronized void put(String key, Tile tile) {
        Tile previous = tiles.put(key, tile);
        bytes += tile.bytes().length - (previous == null ? 0 : previous.bytes().length);
        Iterator<Map.Entry<String, Tile>> eldest = tiles.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
