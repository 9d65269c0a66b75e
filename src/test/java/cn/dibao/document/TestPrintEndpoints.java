package cn.dibao.document;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Test-only endpoints (found by component scanning in the shared context) that show how a feature
 * offers a notice: one view, as a browser print page and as a PDF attachment.
 */
final class TestPrintEndpoints {

    private TestPrintEndpoints() {
    }

    /** A notice as the applications feature will offer it: a print page and the same view as PDF. */
    @Controller
    static class SampleNotice {

        private final PdfRenderer pdf;

        SampleNotice(PdfRenderer pdf) {
            this.pdf = pdf;
        }

        @GetMapping("/test-support/notice")
        String page(Model model) {
            model.addAllAttributes(model());
            model.addAttribute("pdfUrl", "/test-support/notice.pdf");
            return "print/sample-notice";
        }

        @GetMapping("/test-support/notice.pdf")
        ResponseEntity<byte[]> pdf() {
            return Attachments.response("补正告知书-样例.pdf", MediaType.APPLICATION_PDF,
                    pdf.render("print/sample-notice", model(), PdfRenderer.DEFAULT_LOCALE));
        }

        static Map<String, Object> model() {
            return Map.of(
                    "issuer", "青岛市黄岛区隐珠街道办事处",
                    "documentNumber", "隐街救补〔2026〕7号",
                    "applicantName", "王秀兰",
                    "appliedOn", LocalDate.of(2026, 3, 5),
                    "deadlineDays", 5,
                    "issuedOn", LocalDate.of(2026, 3, 9),
                    "window", "隐珠街道便民服务中心社会救助窗口 0532-86000000",
                    "items", List.of(
                            Map.of("name", "家庭成员户口簿复印件", "copies", 1, "note", "含户主页"),
                            Map.of("name", "家庭经济状况核对授权书", "copies", 2, "note", "每位成年成员签字"),
                            Map.of("name", "残疾证（ABC-123）", "copies", 1, "note", "原件核验后退还")));
        }
    }
}
