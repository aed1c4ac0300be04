"""Chart pictures (PNG bytes) shared by every platform: the week chart and the weight chart.

Rendered with matplotlib's object-oriented API on the Agg canvas (no pyplot, no global figure
state), one render at a time behind a lock; call :func:`warm_up` once at start-up, off the event loop.
"""

from bots.common.charts.style import warm_up
from bots.common.charts.week_chart import render_week_chart
from bots.common.charts.weight_chart import render_weight_chart

__all__ = ["render_week_chart", "render_weight_chart", "warm_up"]
