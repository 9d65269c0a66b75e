package cn.dibao.document;

import cn.dibao.common.error.DomainException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * Endpoints that exist only in the tests (component scanning finds them in the shared context),
 * used the way a feature such as applications uses DocumentStore: an upload page form and an
 * upload API operation. The owner is a test owner type, so the owner check a real feature
 * makes is not needed here.
 */
final class TestSupportEndpoints {

    static final String OWNER_TYPE = "TEST_OWNER";

    private TestSupportEndpoints() {
    }

    record UploadForm(String areaCode, Long ownerId, MultipartFile file) {
    }

    @Controller
    static class UploadPage {

        private final DocumentStore documents;

        UploadPage(DocumentStore documents) {
            this.documents = documents;
        }

        @PostMapping("/test-support/uploads")
        String upload(@ModelAttribute("form") UploadForm form, BindingResult result, Model model) {
            try {
                StoredDocumentView stored = documents.store(OWNER_TYPE, form.ownerId(), "OTHER", form.areaCode(),
                        form.file());
                model.addAttribute("stored", stored);
            } catch (DomainException e) {
                e.rejectOn(result);
            }
            return "test-support/upload";
        }
    }

    @RestController
    static class UploadApi {

        private final DocumentStore documents;

        UploadApi(DocumentStore documents) {
            this.documents = documents;
        }

        @PostMapping(path = "/api/v1/test-support/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @ResponseStatus(HttpStatus.CREATED)
        StoredDocumentView upload(@RequestParam String areaCode, @RequestParam long ownerId,
                                  @RequestParam("file") MultipartFile file) {
            return documents.store(OWNER_TYPE, ownerId, "OTHER", areaCode, file);
        }
    }
}
