package cn.dibao.area;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface AreaRepository extends JpaRepository<Area, String> {

    @Query("select a from Area a where a.code like :pattern order by a.code")
    List<Area> findInScope(String pattern);

    @Query("select a from Area a where a.code = :code and a.code like :pattern")
    Optional<Area> findInScope(String code, String pattern);

    @Query("select a from Area a where a.level = :level and a.retired = false and a.code like :pattern order by a.code")
    List<Area> findActiveByLevelInScope(AreaLevel level, String pattern);

    boolean existsByParentCodeAndRetiredFalse(String parentCode);
}
