package cn.dibao.application.web;

import cn.dibao.application.ApplicationService;
import cn.dibao.application.ApplicationView;
import cn.dibao.area.AreaService;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.document.PdfRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The written notices of a case — 受理回执, 一次性告知书, 公示, 确认通知书, 不予确认告知书 — as a
 * print page and as PDF from the same template (shipped CJK font, see ADR 0009). A notice exists
 * only once the case has reached it; the 公示 shows only what may be published.
 */
@Controller
class NoticeController {

    private final ApplicationService applications;
    private final AreaService areas;
    private final PdfRenderer pdf;

    NoticeController(ApplicationService applications, AreaService areas, PdfRenderer pdf) {
        this.applications = applications;
        this.areas = areas;
        this.pdf = pdf;
    }

    @GetMapping("/applications/{id}/notices/{kind:receipt|missing|publicity|approval|refusal}")
    String page(@PathVariable long id, @PathVariable String kind, Model model) {
        model.addAllAttributes(model(id, kind));
        model.addAttribute("pdfUrl", "/applications/" + id + "/notices/" + kind + ".pdf");
        model.addAttribute("backUrl", "/applications/" + id);
        return "application/notice/" + kind;
    }

    @GetMapping("/applications/{id}/notices/{kind:receipt|missing|publicity|approval|refusal}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String kind) {
        Map<String, Object> model = model(id, kind);
        byte[] body = pdf.render("application/notice/" + kind, model, PdfRenderer.DEFAULT_LOCALE);
        ApplicationView app = (ApplicationView) model.get("app");
        applications.recordNoticeIssued(id, kind);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("notice-" + id + "-" + kind + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private Map<String, Object> model(long id, String kind) {
        ApplicationView app = applications.get(id);
        boolean available = switch (kind) {
            case "missing" -> !app.missingMaterials().isEmpty();
            case "publicity" -> !app.publicities().isEmpty();
            case "approval" -> app.decision() == cn.dibao.application.Decision.APPROVED;
            case "refusal" -> app.decision() == cn.dibao.application.Decision.REFUSED;
            default -> true;
        };
        if (!available) {
            throw new NotFoundException("notice " + kind, id);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("app", app);
        String township = app.areaCode().substring(0, 9) + "000";
        String county = app.areaCode().substring(0, 6) + "000000";
        // the township issues what it decides; the county its decisions unless they are delegated
        boolean countyIssues = (kind.equals("approval") || kind.equals("refusal")) && !app.delegated();
        String issuerCode = countyIssues ? county : township;
        String name = areas.get(issuerCode).name();
        // a county's civil-affairs bureau, a township's government, a sub-district's office
        model.put("issuer", name + (countyIssues ? "民政局" : name.endsWith("街道") ? "办事处" : "人民政府"));
        model.put("issuedOn", switch (kind) {
            case "approval", "refusal" -> app.decidedOn();
            case "publicity" -> app.publicities().get(app.publicities().size() - 1).startsOn();
            default -> app.receivedOn();
        });
        if (kind.equals("publicity")) {
            model.put("publicity", app.publicities().get(app.publicities().size() - 1));
        }
        if (kind.equals("approval")) {
            model.put("benefitStart", YearMonth.from(app.decidedOn()).plusMonths(1).toString());
        }
        return model;
    }
}
