package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.document.StoredDocumentView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.List;

/**
 * The case workflow's one public entry (domain-rules §3, §6.2, §7; ADR 0012, ADR 0015). Each step is done
 * by the package-private class of its stage of the regulation — {@link Intake}, {@link Investigation},
 * {@link TownshipReview}, {@link CountyDecision}, {@link AdvanceRelief}, {@link SidePaths} — which checks
 * it against the one table of the workflow ({@link CaseWorkflow}) through {@link CaseSteps}: the case row
 * is locked once per step, so two clicks on the same button act once. This class adds the reads.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ApplicationService {

    /** Scan purposes of a case: the signed 承诺书 and 授权书, investigation signatures, proxy papers. */
    public static final List<String> DOCUMENT_PURPOSES = Intake.DOCUMENT_PURPOSES;

    private final Intake intake;
    private final Investigation investigation;
    private final TownshipReview township;
    private final CountyDecision decision;
    private final AdvanceRelief advance;
    private final SidePaths side;
    private final CaseViews views;

    // ---- 受理 and 补正 -------------------------------------------------------------------------------

    public long accept(ApplicationInput.New in) {
        return intake.accept(in);
    }

    public void supplement(long id, ApplicationInput.Supplement in) {
        intake.supplement(id, in);
    }

    public void attach(long id, String purpose, MultipartFile file) {
        intake.attach(id, purpose, file);
    }

    // ---- 调查 ----------------------------------------------------------------------------------------

    public void startInvestigation(long id) {
        investigation.startInvestigation(id);
    }

    public void recordHomeVisit(long id, ApplicationInput.HomeVisit in) {
        investigation.recordHomeVisit(id, in);
    }

    public void recordInterview(long id, ApplicationInput.Interview in) {
        investigation.recordInterview(id, in);
    }

    public void requestVerification(long id) {
        investigation.requestVerification(id);
    }

    public void recordVerificationResult(long id, ApplicationInput.VerificationResult in) {
        investigation.recordVerificationResult(id, in);
    }

    public void submitInvestigation(long id) {
        investigation.submitInvestigation(id);
    }

    // ---- 乡镇审核 and 公示 -----------------------------------------------------------------------------

    public void townshipReview(long id, ApplicationInput.Review in) {
        township.review(id, in);
    }

    public void recordObjection(long id, ApplicationInput.Objection in) {
        township.recordObjection(id, in);
    }

    public void closePublicity(long id) {
        township.closePublicity(id);
    }

    // ---- 审核确认 ------------------------------------------------------------------------------------

    public void recordComplaint(long id, ApplicationInput.Reason in) {
        decision.recordComplaint(id, in);
    }

    public void approve(long id, ApplicationInput.Approve in) {
        decision.approve(id, in);
    }

    public void refuse(long id, ApplicationInput.Reason in) {
        decision.refuse(id, in);
    }

    public void deliverNotice(long id, ApplicationInput.Delivery in) {
        decision.deliverNotice(id, in);
    }

    public void recordPostCheck(long id, ApplicationInput.Reason in) {
        decision.recordPostCheck(id, in);
    }

    // ---- side paths and 先行救助 -----------------------------------------------------------------------

    public void returnForSupplement(long id, ApplicationInput.Reason in) {
        side.returnForSupplement(id, in);
    }

    public void withdraw(long id, ApplicationInput.Reason in) {
        side.withdraw(id, in);
    }

    public void terminate(long id, ApplicationInput.Reason in) {
        side.terminate(id, in);
    }

    public void extend(long id, ApplicationInput.Reason in) {
        side.extend(id, in);
    }

    public void grantUrgent(long id, ApplicationInput.UrgentGrant in) {
        advance.grant(id, in);
    }

    public void completePaperwork(long id) {
        advance.completePaperwork(id);
    }

    // ---- reads -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ApplicationView get(long id) {
        return views.get(id);
    }

    @Transactional(readOnly = true)
    public List<StoredDocumentView> documents(long id) {
        return views.documents(id);
    }

    /** A notice was produced as PDF (to print, send or file): audited, the case is not changed. */
    public void recordNoticeIssued(long id, String kind) {
        views.recordNoticeIssued(id, kind);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView.Material> materials(AssistanceType type) {
        return views.materials(type);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView.Material> allMaterials() {
        return views.allMaterials();
    }

    /** The badge of a due date as of today. */
    public Deadline deadline(LocalDate due, boolean done, LocalDate today) {
        return views.deadline(due, done, today);
    }

    public LocalDate today() {
        return views.today();
    }
}
