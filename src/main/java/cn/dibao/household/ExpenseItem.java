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

/** 刚性支出: a medical, education or rehabilitation expense on a date. */
@Entity
@Table(name = "expense_item")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ExpenseItem extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private ExpenseType type;
    private String description;
    private BigDecimal amount;
    private LocalDate incurredOn;

    ExpenseItem(Long householdId, ExpenseData d) {
        this.householdId = householdId;
        this.personId = d.personId();
        this.type = d.type();
        this.description = d.description();
        this.amount = d.amount();
        this.incurredOn = d.incurredOn();
    }
}
