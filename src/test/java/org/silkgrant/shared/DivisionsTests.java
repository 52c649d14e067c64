package org.silkgrant.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The region's GB/T 2260 division list and how a declared division is matched against a credit code. */
class DivisionsTests {

    private final Divisions xinjiang = Divisions.load("65");

    private static CreditCode creditCodeIn(String divisionCode) {
        String first17 = "91" + divisionCode + "MA78ABC08";
        return CreditCode.parse(first17 + CreditCode.checkCharacter(first17));
    }

    @Test
    void theRegionListHoldsUrumqiKashgarAndTheNewestCity() {
        assertThat(xinjiang.find("650000")).get().satisfies(region -> {
            assertThat(region.name()).isEqualTo("新疆维吾尔自治区");
            assertThat(region.parent()).isNull();
            assertThat(region.isRegionLevel()).isTrue();
        });
        assertThat(xinjiang.require("650100").name()).isEqualTo("乌鲁木齐市");
        assertThat(xinjiang.require("650100").isPrefectureLevel()).isTrue();
        assertThat(xinjiang.require("653101").name()).isEqualTo("喀什市");
        assertThat(xinjiang.require("653101").parent()).isEqualTo("653100");
        assertThat(xinjiang.require("659012")).isEqualTo(new DivisionCode("659012", "白杨市", "659000"));
        assertThat(xinjiang.require("659012").prefecture()).isEqualTo("6590");
        assertThat(xinjiang.all()).hasSize(124);
        assertThat(xinjiang.all().get(0).code()).isEqualTo("650000");
    }

    @Test
    void everyCodeHasSixDigitsOfTheRegionAndAppearsOnce() {
        Set<String> seen = new HashSet<>();
        for (DivisionCode division : xinjiang.all()) {
            assertThat(division.code()).matches("65[0-9]{4}");
            assertThat(seen.add(division.code())).as("%s appears once", division.code()).isTrue();
        }
    }

    @Test
    void everyDivisionButTheRegionHasAParentInTheList() {
        for (DivisionCode division : xinjiang.all()) {
            if (division.isRegionLevel()) {
                assertThat(division.parent()).isNull();
            } else {
                assertThat(division.parent()).as("parent of %s", division.code()).isNotNull();
                assertThat(xinjiang.find(division.parent())).as("parent of %s", division.code()).isPresent();
                String expectedParent = division.isPrefectureLevel() ? "650000" : division.prefecture() + "00";
                assertThat(division.parent()).as("parent of %s", division.code()).isEqualTo(expectedParent);
            }
        }
    }

    @Test
    void prefecturesAreTheFourteenPrefecturesAndTheDirectlyAdministeredCities() {
        List<String> codes = xinjiang.prefectures().stream().map(DivisionCode::code).toList();

        assertThat(codes).containsExactly("650100", "650200", "650400", "650500", "652300", "652700", "652800",
                "652900", "653000", "653100", "653200", "654000", "654200", "654300", "659000");
    }

    @Test
    void aCodeOutsideTheRegionIsUnknown() {
        assertThatThrownBy(() -> xinjiang.require("110101"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN");
                    assertThat(e.messageKey()).isEqualTo("identifier.divisionCode.UNKNOWN");
                });
        assertThat(xinjiang.find("110101")).isEmpty();
    }

    @Test
    void aRenumberedCodeIsUnknown() {
        // Shawan county 654223 became Shawan city 654203 in 2021; only current codes are in the list.
        assertThatThrownBy(() -> xinjiang.require("654223"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN"));
    }

    @Test
    void aValueThatIsNotSixDigitsIsAFormatError() {
        for (String raw : new String[] {"6501", "6501000", "65010A", "../../x"}) {
            assertThatThrownBy(() -> xinjiang.require(raw))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.code()).isEqualTo("FORMAT"));
        }
    }

    @Test
    void aCountyAgreesWithACreditCodeOfItsPrefecture() {
        assertThat(xinjiang.agrees(xinjiang.require("650102"), creditCodeIn("650100"))).isTrue();
        assertThat(xinjiang.agrees(xinjiang.require("650102"), creditCodeIn("650102"))).isTrue();
        assertThat(xinjiang.agrees(xinjiang.require("659001"), creditCodeIn("659001"))).isTrue();
    }

    @Test
    void aCountyOfAnotherPrefectureDisagrees() {
        assertThat(xinjiang.agrees(xinjiang.require("653101"), creditCodeIn("650100"))).isFalse();
        assertThat(xinjiang.agrees(xinjiang.require("650102"), CreditCode.parse("91110000600037341L"))).isFalse();
    }

    @Test
    void anyDivisionOfTheRegionAgreesWithARegionLevelRegistration() {
        CreditCode regionLevel = creditCodeIn("650000");

        assertThat(xinjiang.all()).allSatisfy(division -> assertThat(xinjiang.agrees(division, regionLevel)).isTrue());
    }

    @Test
    void aMissingListOrABadPrefixIsRefused() {
        assertThatThrownBy(() -> Divisions.load("11")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Divisions.load("../65")).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aCodeIssuedBeforeTurpanAndHamiWereRenumberedStillAgrees() {
        Divisions divisions = Divisions.load("65");
        String first17 = "91652100" + "12345678" + "8";
        CreditCode oldTurpan = CreditCode.parse(first17 + CreditCode.checkCharacter(first17));

        org.assertj.core.api.Assertions.assertThat(divisions.agrees(divisions.require("650402"), oldTurpan)).isTrue();
        org.assertj.core.api.Assertions.assertThat(divisions.agrees(divisions.require("650502"), oldTurpan)).isFalse();
    }
}
