# make check-report: the reproduction report rendered in headless Chromium
# (scripts/check_report.sh; needs python3 and chromium). Screenshots are
# left in $(BUILD)/check-report/. CI runs it (.ci/run).
.PHONY: check-report
check-report: $(BIN)
	sh scripts/check_report.sh $(BIN) $(BUILD)/check-report
