package io.gatehouse.core.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    long countByConsumerIdAndReadAtIsNull(Long consumerId);

    long countByAdminUserIdAndReadAtIsNull(Long adminUserId);

    List<Notification> findTop50ByConsumerIdOrderByCreatedAtDescIdDesc(Long consumerId);

    List<Notification> findTop50ByAdminUserIdOrderByCreatedAtDescIdDesc(Long adminUserId);

    List<Notification> findByConsumerIdAndReadAtIsNull(Long consumerId);

    List<Notification> findByAdminUserIdAndReadAtIsNull(Long adminUserId);

    /** The enabled admin users who may decide about an API: every admin, and its owner (null: none). */
    @Query(value = "select id from admin_user where enabled and (role = 'ADMIN' or id = :ownerId) order by id",
            nativeQuery = true)
    List<Long> findDeciders(Long ownerId);
}
