package org.silkgrant.organization;

import java.util.concurrent.ThreadLocalRandom;

import org.silkgrant.shared.CreditCode;

/** Valid, unused credit codes for tests: the given category and division, a random organisation part. */
public final class Codes {

    private Codes() {
    }

    public static String creditCode(String category, String division) {
        String first17 = category + division + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)) + "8";
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A JSON registration body with the given credit code, type and division. */
    public static String registration(String creditCode, String type, String division, String username, String password) {
        return registration(creditCode, type, division, username, password, "a@example.org");
    }

    /** A JSON registration body whose admin gives this e-mail address. */
    public static String registration(String creditCode, String type, String division, String username, String password,
            String email) {
        return """
                {"name":"测试科技有限公司","creditCode":"%s","type":"%s","divisionCode":"%s","address":"乌鲁木齐市",
                 "admin":{"username":"%s","password":"%s","fullName":"管理员","email":"%s","phone":"13800000000"}}
                """.formatted(creditCode, type, division, username, password, email);
    }
}
