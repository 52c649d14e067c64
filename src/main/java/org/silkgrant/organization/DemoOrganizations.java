package org.silkgrant.organization;

import java.util.Set;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a verified demo university and a verified demo enterprise in Urumqi, each with an admin and a project
 * leader, written only into an empty organisation table.
 */
@Component
@Order(20)
class DemoOrganizations implements ApplicationRunner {

    private final DemoMode demo;
    private final OrganizationRepository organizations;
    private final OrganizationManagement management;
    private final AccountManagement accounts;

    DemoOrganizations(DemoMode demo, OrganizationRepository organizations, OrganizationManagement management,
            AccountManagement accounts) {
        this.demo = demo;
        this.organizations = organizations;
        this.management = management;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isActive() || organizations.count() > 0) {
            return;
        }
        // Both demo leaders are called 张三 (two people of the same name in two organisations): the contract check
        // (shared/contract/check.py) fills their teams with the leader 张三, and LEADER_IS_APPLICANT wants the
        // team's leader to be the account holder.
        seed("新疆示范大学", "12650100", "45800012", OrganizationType.UNIVERSITY, "650102", "乌鲁木齐市天山区胜利路 1 号",
                "uni", "示范大学", "张三");
        seed("新疆丝路示范科技有限公司", "91650100", "MA78ABC0", OrganizationType.ENTERPRISE, "650106",
                "乌鲁木齐市头屯河区经济技术开发区 8 号", "ent", "丝路示范科技", "张三");
    }

    private void seed(String name, String categoryAndDivision, String organizationCode, OrganizationType type,
            String division, String address, String prefix, String shortName, String leaderName) {
        String first17 = categoryAndDivision + organizationCode + "8";
        String code = first17 + CreditCode.checkCharacter(first17);
        OrganizationView organization = management.register(new Registration(name, code, type, division, address,
                new Registration.Admin(prefix + "-admin", demo.password(), shortName + "单位管理员",
                        prefix + "-admin@demo.silkgrant.org", "0991-0000000")), null);
        management.decide(organization.id(), OrganizationStatus.VERIFIED, "演示数据", "officer", null);
        accounts.create(new NewAccount(prefix + "-leader", demo.password(), leaderName, prefix + "-leader@demo.silkgrant.org",
                "13800000000", organization.id(), Set.of(Role.APPLICANT), null), prefix + "-admin", null);
    }
}
