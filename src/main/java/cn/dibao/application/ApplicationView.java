package cn.dibao.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A case as the case page and the API read it: the application, its records and its timeline. {@code delegated}:
 * the township decides (delegated, and for 临时救助 within its limit); {@code aboveTownshipLimit}: delegated, but
 * the 临时救助 amount is above the township's limit {@code townshipLimit}, so the county decides;
 * {@code publicityHeld}: the case's programme holds a 公示 (ADR 0024).
 */
public record ApplicationView(long id, long version, long householdId, long applicantPersonId, String applicantName,
                              int householdSize, AssistanceType assistanceType, Channel channel, String proxyName,
                              String proxyRelation, String reason, String areaCode, String areaPath, boolean delegated,
                              boolean aboveTownshipLimit, BigDecimal townshipLimit, boolean publicityHeld,
                              ApplicationState state, ApplicationState returnedFrom, LocalDate receivedOn,
                              String acceptedBy, Set<String> materials, List<Material> missingMaterials,
                              boolean promiseSigned, boolean authorisationSigned, boolean nearRelative,
                              String nearRelativeNote, boolean complaint, int round, Deadline stepDue,
                              Deadline totalDue, boolean extended, String extensionReason, Long checkId,
                              cn.dibao.engine.Programme proposedCategory, BigDecimal proposedAmount, Boolean sampled,
                              boolean visitRequired, LocalDate visitDoneOn, Decision decision, LocalDate decidedOn,
                              String decidedBy, String decisionReason, Deadline noticeDue,
                              LocalDate noticeDeliveredOn, boolean postCheckRequired, LocalDate postCheckDoneOn,
                              BigDecimal urgentAmount, LocalDate urgentPaidOn, Deadline paperworkDue,
                              LocalDate paperworkDoneOn, String closedReason, List<Long> benefitIds,
                              List<HomeVisit> homeVisits, List<Interview> interviews,
                              List<Verification> verifications, List<Review> reviews, List<Publicity> publicities,
                              List<Objection> objections, List<Event> timeline,
                              Set<CaseAction> actions) {

    /** Whether the user may take the action now ({@link CaseAction} name; the case page asks this). */
    public boolean can(String action) {
        return actions.contains(CaseAction.valueOf(action));
    }

    /** 先行救助 paid, paperwork not yet completed ("先行救助，待补办"). */
    public boolean paperworkPending() {
        return urgentPaidOn != null && paperworkDoneOn == null;
    }

    public record Material(String code, String name, boolean required) {
    }

    public record HomeVisit(String kind, LocalDate visitedOn, List<String> investigators, String findings,
                            boolean applicantSigned, boolean investigatorsSigned, String recordedBy) {
    }

    public record Interview(LocalDate interviewedOn, String interviewee, String notes, String recordedBy) {
    }

    public record Verification(LocalDate requestedOn, String requestedBy, LocalDate resultOn, String outcome,
                               String result, String resultBy) {
    }

    public record Review(int round, long checkId, boolean eligible, String category, BigDecimal amount,
                         String opinion, LocalDate deliberationOn, Integer deliberationSize, Integer deliberationFor,
                         String deliberationNote, String reviewedBy, LocalDate reviewedOn) {
    }

    /** What a 公示 shows: never ID numbers, phones, illnesses, disabilities or minors' details. */
    /**
     * A 公示: {@code householdSize} is the number of persons covered; {@code coveredNames} the covered
     * persons of a 单人保 or 特困 (null for 低保, whose 公示 names the applicant).
     */
    public record Publicity(int round, LocalDate startsOn, LocalDate endsOn, String location, String applicantName,
                            int householdSize, String category, BigDecimal amount, LocalDate closedOn,
                            String coveredNames) {

        /** The name the 公示 shows: the covered persons where the benefit is theirs, else the applicant. */
        public String shownName() {
            return coveredNames == null ? applicantName : coveredNames;
        }
    }

    public record Objection(int round, LocalDate receivedOn, String content, String recordedBy) {
    }

    public record Event(TimelineCode action, ApplicationState fromState, ApplicationState toState, String actor, Instant at,
                        String comment) {
    }
}
