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
    @Operation(summary = "Import an OSM (PBF, XML, Overpass JSON) or sous-surveillance.net file (admins)",
            description = "Form fields: file (required), format (optional, detected from the content), fullArea (true/false), "
                    + "bbox (minLon,minLat,maxLon,maxLat: the area a fullArea file covers, for files that state none). "
                    + "The whole file is imported or nothing is.")
    public ImportReport upload(@RestForm("file") FileUpload file, @RestForm("format") String format,
                               @RestForm("fullArea") String fullArea, @RestForm("bbox") String bbox) {
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
        try {
            return imports.importFile(file.uploadedFile(), new ImportOptions(chosen, "true".equals(fullArea), area), c -> { })
                    .named(file.fileName());
        } catch (ImportFailure e) {
            // The message names the server's temporary file: speak of the uploaded file instead.
            String detail = e.getMessage().replace(file.uploadedFile().toString(), file.fileName())
                    .replace("--full-area needs --bbox", "fullArea needs the field bbox");
            throw new ProblemException(422, "import-failed", "Import failed", detail + "; nothing was imported");
        }
    }
}
