package org.vigie.importer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.locationtech.jts.geom.Envelope;
import org.vigie.account.Role;
import org.vigie.camera.rest.Bbox;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.ImportFormat;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportReport;
import org.vigie.importer.ImportService;
import org.vigie.importer.list.ListOptions;
import org.vigie.importer.list.ListOptionsParser;

import java.util.LinkedHashMap;
import java.util.Map;

/** Upload a file to import: the same import and report as the command line. */
@Path("/api/imports")
@Tag(name = "Imports")
public class ImportResource {

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an OSM (PBF, XML, Overpass JSON), sous-surveillance.net or official list (CSV) file (admins)",
            description = "Form fields: file (required), format (optional, detected from the content; csv for an official list), "
                    + "fullArea (true/false), bbox (minLon,minLat,maxLon,maxLat: the area a fullArea file covers, for files that "
                    + "state none). An official list (format csv) takes the command line's options as fields: source (required), "
                    + "lon, lat or x, y with crs EPSG:2154, ref, date, date-format, address (repeatable), operator or "
                    + "operator-column, kind, match-distance; the Paris police's list needs source only. "
                    + "The whole file is imported or nothing is.")
    public ImportReport upload(@RestForm("file") FileUpload file, @RestForm("format") String format,
                               @RestForm("fullArea") String fullArea, @RestForm("bbox") String bbox,
                               @RestForm("source") String source, @RestForm("lon") String lon, @RestForm("lat") String lat,
                               @RestForm("x") String x, @RestForm("y") String y, @RestForm("crs") String crs,
                               @RestForm("ref") String ref, @RestForm("date") String date,
                               @RestForm("date-format") String dateFormat, @RestForm("address") List<String> address,
                               @RestForm("operator") String operator, @RestForm("operator-column") String operatorColumn,
                               @RestForm("kind") String kind, @RestForm("match-distance") String matchDistance) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "attach the file to import as the multipart field \"file\"");
        }
        ImportFormat chosen = null;
        if (format != null && !format.isBlank()) {
            chosen = ImportFormat.ofOption(format.strip()).orElseThrow(() -> ProblemException.invalid("format",
                    "unknown format \"" + format + "\": one of " + ImportFormat.options()));
        }
        if (fullArea != null && !fullArea.isBlank() && !fullArea.equals("true") && !fullArea.equals("false")) {
            throw ProblemException.invalid("fullArea", "must be true or false");
        }
        Envelope area = null;
        if (bbox != null && !bbox.isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            double[] box = Bbox.parse(bbox, errors, "is empty");
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            area = new Envelope(box[0], box[2], box[1], box[3]);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        String[][] named = {{"source", source}, {"lon", lon}, {"lat", lat}, {"x", x}, {"y", y}, {"crs", crs}, {"ref", ref},
                {"date", date}, {"date-format", dateFormat}, {"operator", operator}, {"operator-column", operatorColumn},
                {"kind", kind}, {"match-distance", matchDistance}};
        for (String[] field : named) {
            if (field[1] != null && !field[1].isBlank()) {
                values.put(field[0], List.of(field[1]));
            }
        }
        if (address != null && !address.isEmpty()) {
            values.put("address", address);
        }
        ListOptions list = null;
        if (chosen == ImportFormat.CSV) {
            try {
                list = ListOptionsParser.parse(values);
            } catch (ListOptionsParser.Invalid e) {
                throw ProblemException.invalid(e.option(), e.getMessage());
            }
        } else if (!values.isEmpty()) {
            throw ProblemException.invalid(values.keySet().iterator().next(), "goes with format csv (an official list)");
        }
        try {
            return imports.importFile(file.uploadedFile(), new ImportOptions(chosen, "true".equals(fullArea), area, list), c -> { })
                    .named(file.fileName());
        } catch (ImportFailure e) {
            // The message names the server's temporary file: speak of the uploaded file instead.
            String detail = e.getMessage().replace(file.uploadedFile().toString(), file.fileName())
                    .replace("--full-area needs --bbox", "fullArea needs the field bbox");
            throw new ProblemException(422, "import-failed", "Import failed", detail + "; nothing was imported");
        }
    }
}
