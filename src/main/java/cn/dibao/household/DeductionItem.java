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

/** A monthly amount that may be deducted from income (就业成本, 医疗, 教育, 康复, 租金). */
@Entity
@Table(name = "deduction_item")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class DeductionItem extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private DeductionType type;
    private String description;
    private BigDecimal monthlyAmount;
    private LocalDate periodFrom;
    private LocalDate periodTo;

    DeductionItem(Long householdId, DeductionData d) {
        this.householdId = householdId;
        this.personId = d.personId();
        this.type = d.type();
        this.description = d.description();
        this.monthlyAmount = d.monthlyAmount();
        this.periodFrom = d.periodFrom();
        this.periodTo = d.periodTo();
    }
}
