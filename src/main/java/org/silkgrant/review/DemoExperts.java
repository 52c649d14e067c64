package org.silkgrant.review;

import java.util.List;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a profile for the demo account {@code expert} and seven more experts of different fields, countries
 * and organisations (password: the demo password), one of whom declared a conflict with the demo university.
 * Written only into an empty expert table.
 */
@Component
@Order(30)
class DemoExperts implements ApplicationRunner {

    private final DemoMode demo;
    private final ExpertRepository experts;
    private final ExpertManagement management;
    private final AccountManagement accounts;

    DemoExperts(DemoMode demo, ExpertRepository experts, ExpertManagement management, AccountManagement accounts) {
        this.demo = demo;
        this.experts = experts;
        this.management = management;
        this.accounts = accounts;
    }

    private static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isActive() || experts.count() > 0) {
            return;
        }
        accounts.findByUsername("expert").ifPresent(account -> management.profileForExistingAccount(account.id(),
                new ExpertForm(account.fullName(), "中国科学院新疆生态与地理研究所", code("12100000400011231"), "CN",
                        "研究员", List.of("ECOLOGICAL_ENVIRONMENT", "CLIMATE_CHANGE"),
                        List.of("干旱区生态", "荒漠化防治", "水资源"), List.of("zh", "en", "ru"), account.email()),
                "system"));
        create("expert-liu", new ExpertForm("刘建华", "新疆农业大学", code("12650000458000345"), "CN", "教授",
                List.of("MODERN_AGRICULTURE"), List.of("节水灌溉", "棉花育种"), List.of("zh", "en"),
                "expert-liu@demo.silkgrant.org"));
        create("expert-zhao", new ExpertForm("赵敏", "新疆大学", code("12650000458000142"), "CN", "教授",
                List.of("INFORMATION_TECHNOLOGY", "DIGITAL_ECONOMY"), List.of("人工智能", "多语种信息处理"),
                List.of("zh", "en", "ru"), "expert-zhao@demo.silkgrant.org"));
        create("expert-sun", new ExpertForm("孙立新", "中国石油大学（北京）克拉玛依校区", code("12100000717800556"), "CN",
                "副教授", List.of("ENERGY_CHEMICAL", "NEW_ENERGY"), List.of("油气田开发", "光伏"), List.of("zh", "en"),
                "expert-sun@demo.silkgrant.org"));
        create("expert-wu", new ExpertForm("吴海燕", "新疆医科大学", code("12650000458000369"), "CN", "主任医师",
                List.of("MEDICINE_HEALTH"), List.of("包虫病", "民族医药"), List.of("zh", "ru"),
                "expert-wu@demo.silkgrant.org"));
        create("expert-ivanov", new ExpertForm("Alexei Ivanov", "Altai State University", null, "RU", "Professor",
                List.of("MINERAL_RESOURCES", "ECOLOGICAL_ENVIRONMENT"), List.of("geochemistry", "Altai mountains"),
                List.of("ru", "en"), "expert-ivanov@demo.silkgrant.org"));
        create("expert-nurlan", new ExpertForm("Nurlan Akhmetov", "Al-Farabi Kazakh National University", null, "KZ",
                "Associate Professor", List.of("NEW_MATERIALS", "EQUIPMENT_MANUFACTURING"),
                List.of("nanomaterials", "metallurgy"), List.of("kk", "ru", "en"), "expert-nurlan@demo.silkgrant.org"));
        CreatedExpert ma = create("expert-ma", new ExpertForm("马文斌", "新疆维吾尔自治区农业科学院",
                code("12650000458000417"), "CN", "研究员", List.of("MODERN_AGRICULTURE", "CARBON_NEUTRALITY"),
                List.of("土壤固碳", "设施农业"), List.of("zh", "en"), "expert-ma@demo.silkgrant.org"));
        // The demo university (DemoOrganizations): this expert was its staff until last year.
        management.declareConflict(ma.expert().userId(), new NewDeclaredConflict(DeclaredConflict.Kind.ORGANIZATION,
                "新疆示范大学", code("12650100458000128"), null, "近三年内曾在该单位任职"), "expert-ma", null);
    }

    private CreatedExpert create(String username, ExpertForm form) {
        return management.create(form, username, demo.password(), "system", null);
    }
}
