package cn.dibao.household;

import cn.dibao.common.jpa.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A member's monthly income over a period; excluded items are recorded but not counted. */
@Entity
@Table(name = "income_item")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class IncomeItem extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private IncomeCategory category;
    private String description;
    private BigDecimal monthlyAmount;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private boolean excluded;
    @Enumerated(EnumType.STRING)
    private ExclusionReason exclusionReason;

    IncomeItem(Long householdId, IncomeData d) {
        this.householdId = householdId;
        this.personId = d.personId();
        this.category = d.category();
        this.description = d.description();
        this.monthlyAmount = d.monthlyAmount();
        this.periodFrom = d.periodFrom();
        this.periodTo = d.periodTo();
        this.excluded = d.exclusionReason() != null;
        this.exclusionReason = d.exclusionReason();
    }
}
