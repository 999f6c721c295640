package org.onewindow.hub.statistics;

/** What one row of the statistics is about: a department (部门) or an item (事项); a bundle case counts once per task. */
enum Grouping {
    DEPARTMENT, ITEM
}
