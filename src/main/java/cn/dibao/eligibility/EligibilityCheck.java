package cn.dibao.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored check: written once, never updated (the inputs and the result as they were). */
@Entity
@Immutable
@Table(name = "eligibility_check")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class EligibilityCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private String areaCode;
    private LocalDate month;
    private Long standardId;
    private String category;
    private BigDecimal monthlyTotal;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String input;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String result;
    private Instant checkedAt;
    private String checkedBy;

    EligibilityCheck(Long householdId, String areaCode, LocalDate month, Long standardId, String category,
                     BigDecimal monthlyTotal, String input, String result, Instant checkedAt, String checkedBy) {
        this.householdId = householdId;
        this.areaCode = areaCode;
        this.month = month;
        this.standardId = standardId;
        this.category = category;
        this.monthlyTotal = monthlyTotal;
        this.input = input;
        this.result = result;
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
    }
}
