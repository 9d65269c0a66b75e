package cn.dibao.document;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored document opened for download: its description and its bytes (do not modify them).
 * {@link #response()} is the answer controllers send: always an attachment of the detected type.
 */
public record Download(StoredDocumentView document, byte[] content) {

    public ResponseEntity<byte[]> response() {
        return Attachments.response(document.originalName(), MediaType.parseMediaType(document.contentType()), content);
    }
}
