package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * The law or regulation an item's handling time limit (法定时限) comes from (法律依据).
 *
 * @param nameZh    the regulation's name, e.g. 中华人民共和国市场主体登记管理条例
 * @param name      its English rendering
 * @param document  the issuing order or document number (国务院令第746号), or null where there is none (a law)
 * @param articles  the article(s) stating the limit (第十九条), or what is known of them
 * @param effective the day the text cited took effect
 * @param note      what a reader must know: whose deadline the regulation sets, a policy limit beside it, what is unverified
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalBasis(String nameZh, String name, String document, String articles, LocalDate effective, String note) {
}
