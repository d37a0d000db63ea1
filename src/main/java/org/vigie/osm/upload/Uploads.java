package org.vigie.osm.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The uploads made, for the moderation screen. */
@ApplicationScoped
public class Uploads {

    private final EntityManager entities;

    public Uploads(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public List<UploadResult> recent() {
        return UploadHistory.recent(entities, 50);
    }
}
