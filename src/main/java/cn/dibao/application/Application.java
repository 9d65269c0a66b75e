package cn.dibao.application;

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
import lombok.Setter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A case (申请). Its state only changes through {@link ApplicationService}, which checks the
 * transition, the role, the area and four-eyes, and writes the timeline.
 */
@Entity
@Table(name = "application")
@Getter
@Setter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Application extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Setter(AccessLevel.NONE)
    private Long id;
    private long householdId;
    private long applicantPersonId;
    @Enumerated(EnumType.STRING)
    private AssistanceType assistanceType;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String proxyName;
    private String proxyRelation;
    private String reason;
    private String areaCode;
    private long standardId;
    /** The standard delegated the decision at 受理; who decides is {@link #townshipDecides()}. */
    private boolean delegated;
    @Enumerated(EnumType.STRING)
    private ApplicationState state;
    @Enumerated(EnumType.STRING)
    private ApplicationState returnedFrom;
    private LocalDate receivedOn;
    private String acceptedBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] materials = new String[0];
    private boolean promiseSigned;
    private boolean authorisationSigned;
    private boolean nearRelative;
    private String nearRelativeNote;
    private boolean complaint;
    private short round = 1;
    private LocalDate stepDue;
    private LocalDate totalDue;
    private short publicityExcludedWd;
    private boolean extended;
    private String extensionReason;
    private Long checkId;
    @Enumerated(EnumType.STRING)
    private cn.dibao.engine.Programme proposedCategory;
    private BigDecimal proposedAmount;
    /** 临时救助: the most the township may decide alone, fixed at the 初审; null: no amount limit. */
    private BigDecimal townshipLimit;
    private Boolean sampled;
    private boolean visitRequired;
    private LocalDate visitDoneOn;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private LocalDate decidedOn;
    private String decidedBy;
    private String decisionReason;
    private LocalDate noticeDue;
    private LocalDate noticeDeliveredOn;
    private boolean postCheckRequired;
    private LocalDate postCheckDoneOn;
    private BigDecimal urgentAmount;
    private LocalDate urgentPaidOn;
    private LocalDate paperworkDue;
    private LocalDate paperworkDoneOn;
    private String closedReason;

    Application(long householdId, long applicantPersonId, AssistanceType type, Channel channel, String areaCode,
                long standardId, boolean delegated, LocalDate receivedOn, String acceptedBy) {
        this.householdId = householdId;
        this.applicantPersonId = applicantPersonId;
        this.assistanceType = type;
        this.channel = channel;
        this.areaCode = areaCode;
        this.standardId = standardId;
        this.delegated = delegated;
        this.receivedOn = receivedOn;
        this.acceptedBy = acceptedBy;
    }

    Set<String> materialSet() {
        return new LinkedHashSet<>(Arrays.asList(materials == null ? new String[0] : materials));
    }

    void materialSet(Set<String> codes) {
        this.materials = codes.toArray(String[]::new);
    }

    /** The programme whose time limits, 公示 and sampling share the case follows: the one applied for (ADR 0024). */
    cn.dibao.engine.Programme programme() {
        return assistanceType.programme();
    }

    /**
     * Whether the township decides: the decision is delegated (审核确认权下放) and, for 临时救助, the proposed
     * amount is within the township's limit; above it the county decides (domain-rules §5.4, ADR 0024).
     */
    boolean townshipDecides() {
        return delegated && (townshipLimit == null || proposedAmount == null
                || proposedAmount.compareTo(townshipLimit) <= 0);
    }

    /** The township of the case (first 9 digits of the area code). */
    String townshipCode() {
        return areaCode.substring(0, 9) + "000";
    }

    String countyCode() {
        return areaCode.substring(0, 6) + "000000";
    }
}
