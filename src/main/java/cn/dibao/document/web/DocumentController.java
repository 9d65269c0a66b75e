package cn.dibao.document.web;

import cn.dibao.document.DocumentStore;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads a stored document from a page link: always an attachment, audited, within the scope. */
@Controller
class DocumentController {

    private final DocumentStore documents;

    DocumentController(DocumentStore documents) {
        this.documents = documents;
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return documents.open(id).response();
    }
}
