package org.silkgrant.shared.web;

import java.math.BigDecimal;

import org.silkgrant.shared.StrictJson;
import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in query and form parameters (the office table's amounts, forms' amounts) are bounded like those in JSON
 * bodies ({@link StrictJson#inRange(BigDecimal)}): {@code fiscalMin=1e999999999} is refused while it is bound, a
 * {@code 422} naming it on the API and a field error on pages, instead of reaching a query or a sum. A binder's own
 * editor decides before its conversion service, whose refusal it would otherwise overrule with the default editor.
 */
@ControllerAdvice
class BoundedNumbers {

    @InitBinder
    void bounded(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new CustomNumberEditor(BigDecimal.class, true) {
            @Override
            public void setAsText(String text) {
                super.setAsText(text);
                if (getValue() instanceof BigDecimal value && !StrictJson.inRange(value)) {
                    setValue(null);
                    throw new StrictJson.NumberOutOfRange();
                }
            }
        });
    }
}
