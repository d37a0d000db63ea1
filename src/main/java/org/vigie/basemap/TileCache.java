package org.vigie.basemap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Instant;

/**
 * The tiles in memory, on Caffeine: weighed by their bytes against the budget, the least useful
 * dropped first (Caffeine's W-TinyLFU keeps the tiles every visitor loads, such as a city's
 * overview, where a plain LRU list lets one visitor's long pan push them out).
 */
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

    private final Cache<String, Tile> tiles;

    TileCache(long maxBytes) {
        this.tiles = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Tile tile) -> tile.bytes().length + key.length())
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when put returns
                .build();
    }

    Tile get(String key) {
        return tiles.getIfPresent(key);
    }

    void put(String key, Tile tile) {
        tiles.put(key, tile);
    }

    /** The bytes held, as weighed. */
    long bytes() {
        tiles.cleanUp();
        return tiles.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
