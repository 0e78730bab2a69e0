package io.gatehouse.core.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    long countByConsumerIdAndReadAtIsNull(Long consumerId);

    long countByAdminUserIdAndReadAtIsNull(Long adminUserId);

    List<Notification> findTop50ByConsumerIdOrderByCreatedAtDescIdDesc(Long consumerId);

    List<Notification> findTop50ByAdminUserIdOrderByCreatedAtDescIdDesc(Long adminUserId);

    List<Notification> findByConsumerIdAndReadAtIsNull(Long consumerId);

    List<Notification> findByAdminUserIdAndReadAtIsNull(Long adminUserId);
}
