// Package reportyear finds the year whose figures a rule-of-law government
// report gives — not the year it was published.
//
// Detect weighs every year the report writes by where it stands: in the
// title (古城街道2024年度法治政府建设情况报告), in the sentence that
// announces the report (现就2022年法治政府建设工作开展情况报告如下), at the
// head of a sentence (2024年，古城街道…), in the name of the year's own plan
// (《桥头镇2019年依法治镇工作实施方案》). It ignores years that belong to
// plans for later (2025年工作计划, everything after the 下一步 heading), to
// ranges (2021—2025年, 2017年至2019年), to laws (2023年修订) and to history
// (于2018年, 较2022年). A report that only says 今年 is dated by its
// signature: signed 2019年12月2日 it is about 2019, signed 2024年1月 about
// 2023.
//
// The package has no dependencies of its own and no state.
package reportyear
