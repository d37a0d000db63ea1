package org.vigie.camera;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.CapabilitiesConverter;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.city.CityRef;
import org.vigie.site.SiteRef;
import org.vigie.watch.AuthorisationRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The current state of one camera. Every state it had is in {@link CameraVersion}. */
@Entity
@Table(name = "camera")
public class Camera extends PanacheEntityBase {

    public static final String SOURCE_VOLUNTEER = "volunteer";
    public static final String SOURCE_OSM = "osm";
    public static final String SOURCE_SOUS_SURVEILLANCE = "sous-surveillance";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(columnDefinition = "geometry(Point,4326)", nullable = false)
    public Point position;

    /**
     * The city the position lies in, null outside every imported boundary. The database sets it
     * (trigger camera_assign_city, and a bulk update after a boundary import): never written here.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "city_code", insertable = false, updatable = false)
    public CityRef city;

    public Kind kind = Kind.CAMERA;

    @Column(name = "camera_type")
    public CameraType cameraType = CameraType.UNKNOWN;

    public Mount mount = Mount.UNKNOWN;

    public int[] directions = new int[0];

    @Column(name = "field_of_view")
    public int fieldOfView;

    @Column(name = "range_m")
    public int range;

    @Column(name = "height_m")
    public Double height;

    public Integer tilt;

    @Column(name = "filmed_area")
    public FilmedArea filmedArea = FilmedArea.UNKNOWN;

    public Zone zone = Zone.UNKNOWN;

    public String level;

    @Convert(converter = CapabilitiesConverter.class)
    @Column(columnDefinition = "text[]")
    public Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

    @Column(name = "films_workstations")
    public YesNoUnknown filmsWorkstations = YesNoUnknown.UNKNOWN;

    // --- Workplace (issue 16): the site the camera belongs to and what the employer owes the staff.
    /** The site (a workplace or public building) the camera belongs to; null for most cameras. */
    @Column(name = "site_id")
    public Long siteId;

    /** The same site, for its name; read back from {@link #siteId} (never written here). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "site_id", insertable = false, updatable = false)
    public SiteRef site;

    /** Each employee told individually (Code du travail L1222-4). */
    @Column(name = "staff_informed")
    public YesNoUnknown staffInformed = YesNoUnknown.UNKNOWN;

    /** The staff body (CSE, formerly CHSCT) consulted before installation (L2312-38). */
    @Column(name = "staff_body_consulted")
    public YesNoUnknown staffBodyConsulted = YesNoUnknown.UNKNOWN;

    /** Who watches the images, as the staff were told. */
    public String viewers;

    /** How many days the images are kept; null when unknown. */
    @Column(name = "retention_days")
    public Integer retentionDays;
    // --- end of workplace

    public String operator;

    @Column(name = "operator_type")
    public OperatorType operatorType = OperatorType.UNKNOWN;

    public Signage signage = Signage.UNKNOWN;

    // --- Citizen watch (issue 17): the camera's true date, what its sign says, its authorisation.
    /** When the camera was first observed, as its source says; null when no source says. */
    @Column(name = "first_seen")
    public LocalDate firstSeen;

    /** Whether the sign names who runs the camera; unknown unless {@link #signage} is present. */
    @Column(name = "sign_names_operator")
    public YesNoUnknown signNamesOperator = YesNoUnknown.UNKNOWN;

    /** Whether the sign says where to exercise one's rights of access; unknown unless a sign is present. */
    @Column(name = "sign_gives_contact")
    public YesNoUnknown signGivesContact = YesNoUnknown.UNKNOWN;

    /** The entry of its city's register of prefectoral authorisations that covers it; null for most. */
    @Column(name = "authorisation_id")
    public Long authorisationId;

    /** The same authorisation, for its reference; read back from {@link #authorisationId} (never written here). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "authorisation_id", insertable = false, updatable = false)
    public AuthorisationRef authorisation;
    // --- end of citizen watch

    public CameraStatus status = CameraStatus.REPORTED;

    public String notes;

    public String source = SOURCE_VOLUNTEER;

    @Column(name = "source_id")
    public String sourceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> tags;

    /** The source's own version of the object (OpenStreetMap's), for imported cameras. */
    @Column(name = "source_version")
    public Integer sourceVersion;

    /** A digest of the position and tags as last imported. */
    @Column(name = "source_hash")
    public String sourceHash;

    /** {@link #version} when an import last wrote this camera; a higher version is a volunteer's edit. */
    @Column(name = "imported_version")
    public Integer importedVersion;

    public int version;

    public boolean visible = true;

    /** Independent confirmations: volunteers other than its author who saw it (org.vigie.verification). */
    public int confirmations;

    @Column(name = "last_confirmed_at")
    public OffsetDateTime lastConfirmedAt;

    /** The camera a moderator merged this duplicate into. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** The account that added it; null for imported cameras and those added before accounts. */
    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The ground it sees, derived from its position, directions, field of view and range (never stored). */
    public Geometry fovArea() {
        return FieldOfViewArea.of(position.getX(), position.getY(), directions, fieldOfView, range);
    }
}
