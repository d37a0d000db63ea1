package org.vigie.photo.rest;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The bytes of an uploaded image (a camera's photo, a floor plan), refused by name when empty or too large. */
public final class UploadedImage {

    private UploadedImage() {
    }

    /** {@code tooLarge}: the problem type and title of a file over {@code maxBytes} ("photo-too-large", "Photo too large"). */
    public static byte[] bytes(FileUpload file, long maxBytes, String tooLargeType, String tooLargeTitle) {
        try {
            long size = Files.size(file.uploadedFile());
            if (size > maxBytes) {
                long mb = maxBytes / (1024 * 1024);
                throw new ProblemException(413, tooLargeType, tooLargeTitle,
                        "file: " + size + " bytes, more than the " + mb + " MB allowed",
                        List.of(new FieldError("file", "must be at most " + mb + " MB")));
            }
            if (size == 0) {
                throw ProblemException.invalid("file", "is empty");
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
