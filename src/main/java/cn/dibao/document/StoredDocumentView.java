package cn.dibao.document;

import java.time.Instant;

/**
 * A stored document as other features and pages see it: everything but the content.
 *
 * @param contentType the type detected from the content at upload ({@code application/pdf},
 *                    {@code image/jpeg} or {@code image/png}), never what the client declared
 * @param originalName the uploaded file name, sanitised, with the extension of the detected type
 * @param sha256 the SHA-256 of the content, 64 lower-case hex digits
 */
public record StoredDocumentView(long id, String ownerType, long ownerId, String purpose, String originalName,
                                 String contentType, long sizeBytes, String sha256, String areaCode,
                                 Instant uploadedAt, String uploadedBy) {
}
