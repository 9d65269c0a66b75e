package cn.dibao.area;

import cn.dibao.common.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.Instant;

@Entity
@Table(name = "area")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Area extends AuditedEntity {

    @Id
    @Column(length = 12)
    private String code;

    @Column(nullable = false, length = 60)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AreaLevel level;

    @Column(length = 12)
    private String parentCode;

    @Column(nullable = false)
    private boolean retired;

    private Instant retiredAt;

    Area(String code, String name, AreaLevel level, String parentCode) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void retire(Instant at) {
        this.retired = true;
        this.retiredAt = at;
    }

    AreaView view() {
        return new AreaView(code, name, level, parentCode, retired, getVersion());
    }
}
