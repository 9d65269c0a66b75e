package cn.dibao.application.api;

import cn.dibao.application.ApplicationInput;
import cn.dibao.application.ApplicationQueries;
import cn.dibao.application.ApplicationQuery;
import cn.dibao.application.ApplicationRow;
import cn.dibao.application.ApplicationService;
import cn.dibao.application.ApplicationState;
import cn.dibao.application.ApplicationView;
import cn.dibao.application.AssistanceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Applications (申请) for other systems: the same service, rules, scope and messages as the
 * pages. Every transition answers the case as it is afterwards; a refused rule is a 422 problem
 * (with the field when it concerns one), a refused actor (role, level, four-eyes) a 403, a case
 * outside the caller's area a 404, a bad body a 400 naming its fields.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "applications", description = "申请: 受理, 调查, 初审, 公示, 审核确认 and the side paths, as one case workflow")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
class ApplicationApiController {

    /** Every staff role but the read-only auditor; the service checks the role each step needs. */
    private static final String WRITE = "hasAnyRole('CASEWORKER','REVIEWER','ADMIN')";

    private final ApplicationService applications;
    private final ApplicationQueries queries;

    ApplicationApiController(ApplicationService applications, ApplicationQueries queries) {
        this.applications = applications;
        this.queries = queries;
    }

    @Schema(name = "ApplicationSearchResult")
    record SearchResult(List<ApplicationRow> items, int page, int size, boolean hasNext) {
    }

    // ---- reads ------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "Cases in the caller's area scope, earliest step due date first",
            description = "task=true: what waits for the caller's roles; mine=true: cases the caller accepted or acted"
                    + " on; due=OVERDUE|DUE_SOON: an open deadline before today / within 2 working days."
                    + " size is 1–100.")
    SearchResult search(@RequestParam(required = false) ApplicationState state,
                        @RequestParam(required = false) AssistanceType assistanceType,
                        @RequestParam(required = false) @Pattern(regexp = "[0-9]{12}", message = "{area.code.format}")
                        @Parameter(description = "12-digit county, township or village code") String areaCode,
                        @RequestParam(required = false) ApplicationQuery.Due due,
                        @RequestParam(defaultValue = "false") boolean mine,
                        @RequestParam(defaultValue = "false") boolean task,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Slice<ApplicationRow> s = queries.search(new ApplicationQuery(state, assistanceType, areaCode, due, mine, task),
                page, size);
        return new SearchResult(s.getContent(), s.getNumber(), s.getSize(), s.hasNext());
    }

    @GetMapping("/materials")
    @Operation(summary = "The materials to bring for an assistance type (codes for `materials`)")
    List<ApplicationView.Material> materials(@RequestParam AssistanceType assistanceType) {
        return applications.materials(assistanceType);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its deadlines, records (visits, interviews, verification, reviews, publicity,"
            + " objections) and timeline")
    ApplicationView get(@PathVariable long id) {
        return applications.get(id);
    }

    // ---- intake -----------------------------------------------------------------------------

    @PostMapping
    @PreAuthorize(WRITE)
    @Operation(summary = "受理: register a case (caseworker)",
            description = "With every required material, the 承诺书 and the 核对授权书 it is ACCEPTED; otherwise RETURNED"
                    + " and missingMaterials lists everything missing (一次性告知).")
    ResponseEntity<ApplicationView> accept(@Valid @RequestBody ApplicationInput.New body) {
        long id = applications.accept(body);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id)).body(applications.get(id));
    }

    @PostMapping("/{id}/supplement")
    @PreAuthorize(WRITE)
    @Operation(summary = "补正: materials brought later; a RETURNED case resumes once complete (caseworker)")
    ApplicationView supplement(@PathVariable long id, @Valid @RequestBody ApplicationInput.Supplement body) {
        return stepped(id, () -> applications.supplement(id, body));
    }

    // ---- 调查 ---------------------------------------------------------------------------------

    @PostMapping("/{id}/start-investigation")
    @PreAuthorize(WRITE)
    @Operation(summary = "Start the investigation of an ACCEPTED case (caseworker)")
    ApplicationView startInvestigation(@PathVariable long id) {
        return stepped(id, () -> applications.startInvestigation(id));
    }

    @PostMapping("/{id}/home-visits")
    @PreAuthorize(WRITE)
    @Operation(summary = "入户调查: by the township while INVESTIGATING (caseworker), or the county's visit while"
            + " AWAITING_DECISION or for a later check (reviewer); at least 2 investigators")
    ApplicationView homeVisit(@PathVariable long id, @Valid @RequestBody ApplicationInput.HomeVisit body) {
        return stepped(id, () -> applications.recordHomeVisit(id, body));
    }

    @PostMapping("/{id}/interviews")
    @PreAuthorize(WRITE)
    @Operation(summary = "邻里访问 while INVESTIGATING (caseworker)")
    ApplicationView interview(@PathVariable long id, @Valid @RequestBody ApplicationInput.Interview body) {
        return stepped(id, () -> applications.recordInterview(id, body));
    }

    @PostMapping("/{id}/verification-requests")
    @PreAuthorize(WRITE)
    @Operation(summary = "信息核对: ask the county's 核对机构 (caseworker); one open request at a time")
    ApplicationView requestVerification(@PathVariable long id) {
        return stepped(id, () -> applications.requestVerification(id));
    }

    @PostMapping("/{id}/verification-result")
    @PreAuthorize(WRITE)
    @Operation(summary = "The result of the open 核对 request (caseworker or reviewer)")
    ApplicationView verificationResult(@PathVariable long id,
                                       @Valid @RequestBody ApplicationInput.VerificationResult body) {
        return stepped(id, () -> applications.recordVerificationResult(id, body));
    }

    @PostMapping("/{id}/submit-investigation")
    @PreAuthorize(WRITE)
    @Operation(summary = "Investigation done: needs a township home visit and a 核对 result (caseworker)")
    ApplicationView submitInvestigation(@PathVariable long id) {
        return stepped(id, () -> applications.submitInvestigation(id));
    }

    // ---- 乡镇审核 and 公示 ------------------------------------------------------------------------

    @PostMapping("/{id}/township-review")
    @PreAuthorize(WRITE)
    @Operation(summary = "初审 with a stored eligibility check as of `month` (caseworker)",
            description = "Eligible: 公示 starts at `location` where the case's programme holds one (otherwise no "
                    + "`location` is accepted and the case goes to the decision); not eligible: straight to the "
                    + "decision. A 临时救助 above the township's limit is decided by the county (ADR 0024).")
    ApplicationView townshipReview(@PathVariable long id, @Valid @RequestBody ApplicationInput.Review body) {
        return stepped(id, () -> applications.townshipReview(id, body));
    }

    @PostMapping("/{id}/objections")
    @PreAuthorize(WRITE)
    @Operation(summary = "An objection during 公示: back to INVESTIGATING for a new round (caseworker)")
    ApplicationView objection(@PathVariable long id, @Valid @RequestBody ApplicationInput.Objection body) {
        return stepped(id, () -> applications.recordObjection(id, body));
    }

    @PostMapping("/{id}/close-publicity")
    @PreAuthorize(WRITE)
    @Operation(summary = "公示 ended without objection (after its last day): on to the decision (caseworker)")
    ApplicationView closePublicity(@PathVariable long id) {
        return stepped(id, () -> applications.closePublicity(id));
    }

    // ---- 审核确认 ------------------------------------------------------------------------------

    @PostMapping("/{id}/complaints")
    @PreAuthorize(WRITE)
    @Operation(summary = "A complaint or report during the case: the county must visit before deciding")
    ApplicationView complaint(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.recordComplaint(id, body));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(WRITE)
    @Operation(summary = "审核确认: approve (reviewer of the deciding level, four-eyes); creates the benefit from"
            + " next month", description = "The body is optional: {\"comment\": \"…\"}.")
    ApplicationView approve(@PathVariable long id,
                            @Valid @RequestBody(required = false) ApplicationInput.Approve body) {
        return stepped(id, () -> applications.approve(id, body == null ? new ApplicationInput.Approve(null) : body));
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize(WRITE)
    @Operation(summary = "不予确认, with the reason (reviewer of the deciding level, four-eyes)")
    ApplicationView refuse(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.refuse(id, body));
    }

    @PostMapping("/{id}/notice-delivered")
    @PreAuthorize(WRITE)
    @Operation(summary = "The written decision was delivered: an APPROVED case is ENROLLED (caseworker)")
    ApplicationView noticeDelivered(@PathVariable long id, @Valid @RequestBody ApplicationInput.Delivery body) {
        return stepped(id, () -> applications.deliverNotice(id, body));
    }

    // ---- side paths ---------------------------------------------------------------------------

    @PostMapping("/{id}/return")
    @PreAuthorize(WRITE)
    @Operation(summary = "退回补正 (caseworker; reviewer while AWAITING_DECISION)")
    ApplicationView returnForSupplement(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.returnForSupplement(id, body));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(WRITE)
    @Operation(summary = "撤回: the applicant withdraws (caseworker)")
    ApplicationView withdraw(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.withdraw(id, body));
    }

    @PostMapping("/{id}/terminate")
    @PreAuthorize(WRITE)
    @Operation(summary = "终止: the case cannot go on (caseworker or reviewer)")
    ApplicationView terminate(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.terminate(id, body));
    }

    @PostMapping("/{id}/extend")
    @PreAuthorize(WRITE)
    @Operation(summary = "Extend the whole time limit once, with a reason (caseworker or reviewer)")
    ApplicationView extend(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.extend(id, body));
    }

    @PostMapping("/{id}/urgent-grant")
    @PreAuthorize(WRITE)
    @Operation(summary = "先行救助: pay a TEMP_URGENT case at once from the township's stand-by fund (caseworker)")
    ApplicationView urgentGrant(@PathVariable long id, @Valid @RequestBody ApplicationInput.UrgentGrant body) {
        return stepped(id, () -> applications.grantUrgent(id, body));
    }

    @PostMapping("/{id}/paperwork-done")
    @PreAuthorize(WRITE)
    @Operation(summary = "The paperwork of a 先行救助 is complete (caseworker)")
    ApplicationView paperworkDone(@PathVariable long id) {
        return stepped(id, () -> applications.completePaperwork(id));
    }

    @PostMapping("/{id}/post-check")
    @PreAuthorize(WRITE)
    @Operation(summary = "Delegated flow: the county's later check of a township decision (county reviewer)")
    ApplicationView postCheck(@PathVariable long id, @Valid @RequestBody ApplicationInput.Reason body) {
        return stepped(id, () -> applications.recordPostCheck(id, body));
    }

    /** Takes a step of the case and answers the case as it is after it. */
    private ApplicationView stepped(long id, Runnable step) {
        step.run();
        return applications.get(id);
    }
}
