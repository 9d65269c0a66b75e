package cn.dibao.household;

import cn.dibao.common.identity.IdType;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByIdNumberAndIdType(String idNumber, IdType idType);
}
