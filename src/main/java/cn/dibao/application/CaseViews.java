package cn.dibao.application;

import java.util.Set;
import java.util.EnumSet;
import lombok.RequiredArgsConstructor;
import cn.dibao.area.AreaService;
import cn.dibao.audit.AuditTrail;
import cn.dibao.benefit.BenefitService;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.document.DocumentStore;
import cn.dibao.document.StoredDocumentView;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** A case as its page and the API read it, with the actions the user may take on it now. */
@Component
@RequiredArgsConstructor
class CaseViews {

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final CaseRecords records;
    private final CaseSteps steps;
    private final CaseDeadlines deadlines;
    private final MaterialRequirements materials;
    private final HouseholdService households;
    private final BenefitService benefits;
    private final AreaService areas;
    private final DocumentStore documents;
    private final AuditTrail audit;

    private Application find(long id) {
        return applications.findInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
    }

    ApplicationView get(long id) {
        Application a = find(id);
        HouseholdFile household = households.file(a.getHouseholdId());
        LocalDate today = today();
        String applicant = household.members().stream().filter(m -> m.personId() == a.getApplicantPersonId())
                .map(HouseholdFile.Member::name).findFirst()
                .orElseGet(() -> household.formerMembers().stream()
                        .filter(m -> m.personId() == a.getApplicantPersonId()).map(HouseholdFile.Member::name)
                        .findFirst().orElse(""));
        List<Long> benefit = benefits.idsOfApplication(id);
        List<ApplicationView.Verification> verifications = records.verifications(id);
        // one 核对 at a time: a new request is offered only when none is open, a result only when one is
        boolean open = verifications.stream().anyMatch(v -> v.outcome() == null);
        Set<CaseAction> offered = EnumSet.noneOf(CaseAction.class);
        offered.addAll(CaseWorkflow.offered(a, CurrentStaff.require()));
        offered.remove(open ? CaseAction.REQUEST_VERIFICATION : CaseAction.VERIFICATION_RESULT);
        return new ApplicationView(a.getId(), a.getVersion(), a.getHouseholdId(), a.getApplicantPersonId(), applicant,
                (int) household.countedMembers(), a.getAssistanceType(), a.getChannel(), a.getProxyName(),
                a.getProxyRelation(), a.getReason(), a.getAreaCode(), areas.pathOf(a.getAreaCode()), a.townshipDecides(),
                a.isDelegated() && !a.townshipDecides(), a.getTownshipLimit(), deadlines.procedureOf(a).publicityHeld(),
                a.getState(), a.getReturnedFrom(), a.getReceivedOn(), a.getAcceptedBy(), a.materialSet(),
                materials.missing(a), a.isPromiseSigned(), a.isAuthorisationSigned(), a.isNearRelative(),
                a.getNearRelativeNote(), a.isComplaint(), a.getRound(),
                deadline(a.getStepDue(), a.getState().closed(), today),
                deadline(a.getTotalDue(), a.getDecidedOn() != null || a.getState().closed(), today), a.isExtended(),
                a.getExtensionReason(), a.getCheckId(), a.getProposedCategory(), a.getProposedAmount(), a.getSampled(),
                a.isVisitRequired(), a.getVisitDoneOn(), a.getDecision(), a.getDecidedOn(), a.getDecidedBy(),
                a.getDecisionReason(), deadline(a.getNoticeDue(), a.getNoticeDeliveredOn() != null, today),
                a.getNoticeDeliveredOn(), a.isPostCheckRequired(), a.getPostCheckDoneOn(), a.getUrgentAmount(),
                a.getUrgentPaidOn(), deadline(a.getPaperworkDue(), a.getPaperworkDoneOn() != null, today),
                a.getPaperworkDoneOn(), a.getClosedReason(), benefit, records.homeVisits(id), records.interviews(id),
                verifications, records.reviews(id), records.publicities(id), records.objections(id),
                events.findByApplicationIdOrderById(id).stream().map(e -> new ApplicationView.Event(e.getAction(),
                        e.getFromState(), e.getToState(), e.getActor(), e.getAt(), e.getComment())).toList(),
                offered);
    }

    List<StoredDocumentView> documents(long id) {
        find(id);
        return documents.list("APPLICATION", id);
    }

    void recordNoticeIssued(long id, String kind) {
        Application a = find(id);
        audit.record("NOTICE_PDF", "application", a.getId(), a.getAreaCode(), kind);
    }

    List<ApplicationView.Material> materials(AssistanceType type) {
        return materials.forType(type);
    }

    List<ApplicationView.Material> allMaterials() {
        return materials.anyType();
    }

    Deadline deadline(LocalDate due, boolean done, LocalDate today) {
        return deadlines.deadline(due, done, today);
    }

    LocalDate today() {
        return steps.today();
    }
}
