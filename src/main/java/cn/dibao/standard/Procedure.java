package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 办理时限与公示, what holds for every programme of a version: whether the decision is delegated to the
 * township (审核确认权下放; a 临时救助 above the township's limit still goes to the county, ADR 0024) and the
 * working days to complete the paperwork of a 先行救助. The time limits, the 公示 and the county's sampling
 * share are set per programme ({@link ProgrammeProcedures}).
 */
@Embeddable
public record Procedure(
        @Column(nullable = false) boolean decisionDelegated,
        @JdbcTypeCode(SqlTypes.SMALLINT) @WholeNumber(min = 1, max = 60) Integer urgentPaperworkWd) {

    /** The national defaults (V3, V8). */
    static Procedure defaults() {
        return new Procedure(false, 5);
    }
}
