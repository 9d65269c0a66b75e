package cn.dibao.document.api;

import cn.dibao.document.DocumentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stored documents for other systems: the bytes as an attachment of the detected type. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "documents", description = "Stored documents (scans attached to cases)")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
class DocumentApiController {

    private final DocumentStore documents;

    DocumentApiController(DocumentStore documents) {
        this.documents = documents;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download a stored document in the caller's area scope (PDF, JPEG or PNG; audited)")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return documents.open(id).response();
    }
}
