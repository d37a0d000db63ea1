package org.vigie.city.boundary.rest;

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
import org.vigie.account.Role;
import org.vigie.city.boundary.BoundaryFile;
import org.vigie.city.boundary.BoundaryReport;
import org.vigie.city.boundary.CityImportService;
import org.vigie.city.boundary.InvalidBoundaryFile;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.query.KnownQueryParameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * City boundaries uploaded by an administrator: the same file, checks and all-or-nothing rule as the
 * import-cities command, so that a collective sets up its city from the web app. The route is gated
 * before its body is read (ImportUploadGate) and takes larger bodies (BodyLimits.LARGER).
 */
@Path("/api/cities/boundaries")
@Tag(name = "Cities")
public class BoundaryResource {

    /** The problems listed in a refusal: a broken country-wide file would otherwise answer thousands. */
    public static final int MAX_PROBLEMS = 30;
    private static final int MAX_PROPERTY_LENGTH = 100;

    private final CityImportService importer;

    public BoundaryResource(CityImportService importer) {
        this.importer = importer;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @KnownQueryParameters
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import city boundaries from a GeoJSON FeatureCollection (admins)",
            description = "Form fields: file (required), nameProperty and codeProperty (optional: detected as nom/code, "
                    + "or name/ref:INSEE). A city imported again is updated in place, matched by its code; the cameras "
                    + "concerned change city in the same transaction. The whole file is imported or nothing is: a "
                    + "refusal (422) lists each feature's problem under the field file.")
    public BoundaryReport upload(@RestForm("file") FileUpload file, @RestForm("nameProperty") String nameProperty,
                                 @RestForm("codeProperty") String codeProperty) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "attach the boundary file as the multipart field \"file\"");
        }
        String name = property("nameProperty", nameProperty);
        String code = property("codeProperty", codeProperty);
        long start = System.nanoTime();
        BoundaryFile.Contents contents;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            contents = BoundaryFile.read(in, name, code);
        } catch (IOException e) {
            throw refused(List.of("cannot read the uploaded file"));
        } catch (InvalidBoundaryFile e) {
            throw refused(e.problems());
        }
        try {
            CityImportService.Result result = importer.store(contents.boundaries());
            double seconds = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            return new BoundaryReport(file.fileName(), contents.boundaries().size(), result.created(), result.updated(),
                    contents.nameProperty(), contents.codeProperty(), result.camerasReassigned(), seconds);
        } catch (InvalidBoundaryFile e) {
            throw refused(e.problems());
        }
    }

    private static String property(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_PROPERTY_LENGTH) {
            throw ProblemException.invalid(field, "a property name of " + MAX_PROPERTY_LENGTH + " characters at most");
        }
        return value.strip();
    }

    /** 422 naming the field file: the first problems, each as the command line prints it, and how many in all. */
    private static ProblemException refused(List<String> problems) {
        String detail = (problems.size() == 1 ? problems.get(0) : problems.size() + " problems, the first: " + problems.get(0))
                + "; nothing was imported";
        List<FieldError> errors = problems.stream().limit(MAX_PROBLEMS).map(p -> new FieldError("file", p)).toList();
        return new ProblemException(422, "import-failed", "Import failed", detail, errors).with("problems", problems.size());
    }
}
