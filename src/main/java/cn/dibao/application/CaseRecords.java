package cn.dibao.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The investigation and review records of a case (入户调查, 邻里访问, 信息核对, 初审, 公示,
 * 异议): append-only rows read back for the case page, written only by {@link ApplicationService}.
 */
@Repository
class CaseRecords {

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- 入户调查 ---------------------------------------------------------------------------

    void addHomeVisit(long applicationId, String kind, ApplicationView.HomeVisit v, String by) {
        jdbc.sql("""
                insert into home_visit (application_id, kind, visited_on, investigators, findings, applicant_signed,
                                        investigators_signed, recorded_by)
                values (:app, :kind, :on, :investigators, :findings, :applicantSigned, :investigatorsSigned, :by)
                """).param("app", applicationId).param("kind", kind).param("on", v.visitedOn())
                .param("investigators", v.investigators().toArray(String[]::new)).param("findings", v.findings())
                .param("applicantSigned", v.applicantSigned()).param("investigatorsSigned", v.investigatorsSigned())
                .param("by", by).update();
    }

    List<ApplicationView.HomeVisit> homeVisits(long applicationId) {
        return jdbc.sql("""
                select kind, visited_on, investigators, findings, applicant_signed, investigators_signed, recorded_by
                from home_visit where application_id = :app order by id""").param("app", applicationId)
                .query((rs, i) -> new ApplicationView.HomeVisit(rs.getString(1), rs.getObject(2, LocalDate.class),
                        strings(rs, 3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)))
                .list();
    }

    boolean hasTownshipVisit(long applicationId) {
        return jdbc.sql("select exists (select 1 from home_visit where application_id = :app and kind = 'TOWNSHIP')")
                .param("app", applicationId).query(Boolean.class).single();
    }

    // ---- 邻里访问 ---------------------------------------------------------------------------

    void addInterview(long applicationId, ApplicationView.Interview v, String by) {
        jdbc.sql("""
                insert into neighbour_interview (application_id, interviewed_on, interviewee, notes, recorded_by)
                values (:app, :on, :who, :notes, :by)""").param("app", applicationId).param("on", v.interviewedOn())
                .param("who", v.interviewee()).param("notes", v.notes()).param("by", by).update();
    }

    List<ApplicationView.Interview> interviews(long applicationId) {
        return jdbc.sql("""
                select interviewed_on, interviewee, notes, recorded_by from neighbour_interview
                where application_id = :app order by id""").param("app", applicationId)
                .query((rs, i) -> new ApplicationView.Interview(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    // ---- 信息核对 ---------------------------------------------------------------------------

    long requestVerification(long applicationId, LocalDate on, String by) {
        return jdbc.sql("""
                insert into verification (application_id, requested_on, requested_by) values (:app, :on, :by)
                returning id""").param("app", applicationId).param("on", on).param("by", by)
                .query(Long.class).single();
    }

    /** Records the result of the open request; false when there is none. */
    boolean recordVerification(long applicationId, LocalDate on, String outcome, String result, String by) {
        return jdbc.sql("""
                update verification set result_on = :on, outcome = :outcome, result = :result, result_by = :by
                where id = (select max(id) from verification where application_id = :app and outcome is null)
                """).param("app", applicationId).param("on", on).param("outcome", outcome).param("result", result)
                .param("by", by).update() == 1;
    }

    boolean hasOpenVerification(long applicationId) {
        return jdbc.sql("select exists (select 1 from verification where application_id = :app and outcome is null)")
                .param("app", applicationId).query(Boolean.class).single();
    }

    boolean hasVerificationResult(long applicationId) {
        return jdbc.sql("select exists (select 1 from verification where application_id = :app and outcome is not null)")
                .param("app", applicationId).query(Boolean.class).single();
    }

    List<ApplicationView.Verification> verifications(long applicationId) {
        return jdbc.sql("""
                select requested_on, requested_by, result_on, outcome, result, result_by from verification
                where application_id = :app order by id""").param("app", applicationId)
                .query((rs, i) -> new ApplicationView.Verification(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    // ---- 初审 -----------------------------------------------------------------------------

    void addReview(long applicationId, int round, ApplicationView.Review r) {
        jdbc.sql("""
                insert into township_review (application_id, round, check_id, eligible, category, amount, opinion,
                    deliberation_on, deliberation_size, deliberation_for, deliberation_note, reviewed_by, reviewed_on)
                values (:app, :round, :check, :eligible, :category, :amount, :opinion, :dOn, :dSize, :dFor, :dNote,
                        :by, :on)""").param("app", applicationId).param("round", round).param("check", r.checkId())
                .param("eligible", r.eligible()).param("category", r.category()).param("amount", r.amount())
                .param("opinion", r.opinion()).param("dOn", r.deliberationOn()).param("dSize", r.deliberationSize())
                .param("dFor", r.deliberationFor()).param("dNote", r.deliberationNote()).param("by", r.reviewedBy())
                .param("on", r.reviewedOn()).update();
    }

    List<ApplicationView.Review> reviews(long applicationId) {
        return jdbc.sql("""
                select round, check_id, eligible, category, amount, opinion, deliberation_on, deliberation_size,
                       deliberation_for, deliberation_note, reviewed_by, reviewed_on
                from township_review where application_id = :app order by round""").param("app", applicationId)
                .query((rs, i) -> new ApplicationView.Review(rs.getInt(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        (Integer) rs.getObject(8, Integer.class), (Integer) rs.getObject(9, Integer.class),
                        rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class))).list();
    }

    // ---- 公示 and 异议 ------------------------------------------------------------------------

    void addPublicity(long applicationId, ApplicationView.Publicity p) {
        jdbc.sql("""
                insert into publicity (application_id, round, starts_on, ends_on, location, applicant_name,
                                       household_size, category, amount, covered_names)
                values (:app, :round, :starts, :ends, :location, :name, :size, :category, :amount, :covered)""")
                .param("app", applicationId).param("round", p.round()).param("starts", p.startsOn())
                .param("ends", p.endsOn()).param("location", p.location()).param("name", p.applicantName())
                .param("size", p.householdSize()).param("category", p.category()).param("amount", p.amount())
                .param("covered", p.coveredNames()).update();
    }

    void closePublicity(long applicationId, int round, LocalDate on) {
        jdbc.sql("update publicity set closed_on = :on where application_id = :app and round = :round")
                .param("on", on).param("app", applicationId).param("round", round).update();
    }

    List<ApplicationView.Publicity> publicities(long applicationId) {
        return jdbc.sql("""
                select round, starts_on, ends_on, location, applicant_name, household_size, category, amount, closed_on,
                       covered_names
                from publicity where application_id = :app order by round""").param("app", applicationId)
                .query(CaseRecords::publicity).list();
    }

    Optional<ApplicationView.Publicity> publicity(long applicationId, int round) {
        return jdbc.sql("""
                select round, starts_on, ends_on, location, applicant_name, household_size, category, amount, closed_on,
                       covered_names
                from publicity where application_id = :app and round = :round""").param("app", applicationId)
                .param("round", round).query(CaseRecords::publicity).optional();
    }

    void addObjection(long applicationId, int round, LocalDate on, String content, String by) {
        jdbc.sql("""
                insert into objection (application_id, round, received_on, content, recorded_by)
                values (:app, :round, :on, :content, :by)""").param("app", applicationId).param("round", round)
                .param("on", on).param("content", content).param("by", by).update();
    }

    List<ApplicationView.Objection> objections(long applicationId) {
        return jdbc.sql("""
                select round, received_on, content, recorded_by from objection where application_id = :app order by id
                """).param("app", applicationId).query((rs, i) -> new ApplicationView.Objection(rs.getInt(1),
                rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4))).list();
    }

    private static ApplicationView.Publicity publicity(ResultSet rs, int i) throws SQLException {
        return new ApplicationView.Publicity(rs.getInt(1), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getBigDecimal(8), rs.getObject(9, LocalDate.class), rs.getString(10));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
