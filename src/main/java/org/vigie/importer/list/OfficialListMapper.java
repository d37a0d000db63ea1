package org.vigie.importer.list;

import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.ImportDates;
import org.vigie.importer.Mapping;
import org.vigie.importer.TextValues;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A row of an official list to a camera. A list is published by the authority that runs its
 * cameras: they are public operators' cameras filming public space. The address and the date of
 * commissioning go into the notes, in words; the row's columns stay in the raw tags.
 */
public final class OfficialListMapper {

    /** As long as the schema lets a source id be. */
    private static final int MAX_ID = 100;

    private OfficialListMapper() {
    }

    public static Mapping map(double lon, double lat, Map<String, String> tags, ListOptions options) {
        String ref = tags.get(OfficialListReader.REF);
        if (ref != null && ref.length() > MAX_ID) {
            return new Mapping.Skipped("ref_too_long");
        }
        List<String> notes = new ArrayList<>();
        Kind kind = options.kind() == null ? Kind.CAMERA : WireEnum.parse(Kind.class, options.kind()).orElse(Kind.CAMERA);
        String date = tags.get(OfficialListReader.DATE);
        LocalDate commissioned = date == null ? null : LocalDate.parse(date);
        if (tags.containsKey(OfficialListReader.DATE_UNPARSED)) {
            notes.add("date_unparsed");
        }
        String text = TextValues.join(
                tags.get(OfficialListReader.ADDRESS) == null ? null : "Adresse : " + tags.get(OfficialListReader.ADDRESS),
                commissioned == null ? null : "Mise en service : " + commissioned);
        CameraDraft draft = new CameraDraft(lon, lat, kind, CameraType.UNKNOWN, Mount.UNKNOWN, List.of(),
                null, null, null, null, FilmedArea.PUBLIC, Zone.UNKNOWN, null, EnumSet.noneOf(Capability.class),
                YesNoUnknown.UNKNOWN, TextValues.clip(tags.get(OfficialListReader.OPERATOR), CameraDraft.MAX_OPERATOR),
                OperatorType.PUBLIC, Signage.UNKNOWN, TextValues.clip(text, CameraDraft.MAX_NOTES),
                ImportDates.firstSeen(tags));
        return new Mapping.Accepted(draft, notes);
    }

    /** The date of commissioning in the list's format, or null when it does not parse. */
    static LocalDate date(String value, String format) {
        try {
            DateTimeFormatter parser = DateTimeFormatter.ofPattern(format == null ? ListOptions.DEFAULT_DATE_FORMAT : format);
            LocalDate d = LocalDate.parse(value.strip(), parser);
            // two-digit years: "08/07/16" is 2016, never 1916 nor 2116
            return d.getYear() > LocalDate.now().getYear() + 1 ? d.minusYears(100) : d;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }
}
