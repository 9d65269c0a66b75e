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

/** 家庭财产: deposits, securities, vehicles, homes, registered capital; exempt items are kept apart. */
@Entity
@Table(name = "asset_item")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class AssetItem extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private AssetType type;
    private String description;
    private BigDecimal value;
    private int quantity;
    private BigDecimal floorArea;
    private boolean exempt;
    private String exemptReason;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private LocalDate acquiredOn;

    AssetItem(Long householdId, AssetData d) {
        this.householdId = householdId;
        this.personId = d.personId();
        this.type = d.type();
        this.description = d.description();
        this.value = d.value();
        this.quantity = d.quantity() == null ? 1 : d.quantity();
        this.floorArea = d.floorArea();
        this.exempt = d.exemptReason() != null && !d.exemptReason().isBlank();
        this.exemptReason = this.exempt ? d.exemptReason() : null;
        this.periodFrom = d.periodFrom();
        this.periodTo = d.periodTo();
        this.acquiredOn = d.acquiredOn();
    }
}
