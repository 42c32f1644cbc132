// The operator's usage page: one JSON report drawn as Chart.js charts with a table and a CSV link each.
/* global Chart */
;(function () {
  var SECTIONS = [
    {
      table: 'daily',
      title: 'Daily active households and sessions',
      why: 'Households (pseudonymous) and sittings that used the hall each day.',
      chart: 'line',
      label: 'day',
      values: ['households', 'sessions'],
    },
    {
      table: 'services',
      title: 'Use of each service',
      why: 'Screen views per screen of the hall.',
      chart: 'bar',
      label: 'screen',
      values: ['views'],
    },
    {
      table: 'funnel',
      title: 'Order funnel',
      why: 'Sittings reaching each step of ordering a package; gaveUp is where viewers left.',
      chart: 'bar',
      label: 'step',
      values: ['sessions', 'gaveUp'],
    },
    {
      table: 'flows',
      title: 'Key flows: started, finished, abandoned',
      why: 'mostAbandonedAt is the step viewers most often left a flow at.',
      chart: 'bar',
      label: 'flow',
      values: ['started', 'finished', 'abandoned'],
    },
    {
      table: 'topups',
      title: 'Top-ups by method',
      why: 'Finished top-ups and their amount in fen.',
      chart: 'bar',
      label: 'method',
      values: ['topups'],
    },
    {
      table: 'faults',
      title: 'Faults by symptom and self-help deflection',
      why: 'Solved by a self-help step, or went on to a repair ticket.',
      chart: 'bar',
      label: 'symptom',
      values: ['solved', 'ticketed'],
      kpi: 'deflection',
    },
    {
      table: 'complaints',
      title: 'Complaints by category',
      why: 'Complaints filed at the hall.',
      chart: 'bar',
      label: 'category',
      values: ['complaints'],
    },
    {
      table: 'errors',
      title: 'Errors shown, by code',
      why: 'Error screens viewers saw, by the contract error code.',
      chart: 'bar',
      label: 'code',
      values: ['shown'],
    },
    {
      table: 'callsSaved',
      title: 'Calls the hall saved the call centre',
      why: 'One call per sitting and kind of thing done at the hall instead of phoning (conservative).',
      chart: 'bar',
      label: 'reason',
      values: ['calls'],
      kpi: 'calls',
    },
    {
      table: 'offers',
      title: 'Audience for better-aimed offers',
      why: 'Households that opened a package twice or more without ordering it. The BOSS sends each at most a few offers a month, and none to a household that said no in Settings.',
      chart: 'bar',
      label: 'product',
      values: ['households'],
      kpi: 'offers',
    },
  ]
  var COLOURS = ['#2f6fde', '#e8833a', '#3aa76d', '#c94c4c', '#8a63d2']
  var charts = []

  function $(id) {
    return document.getElementById(id)
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag)
    if (text != null) e.textContent = String(text)
    if (cls) e.className = cls
    return e
  }
  function query() {
    var q = new URLSearchParams()
    if ($('from').value) q.set('from', $('from').value)
    if ($('to').value) q.set('to', $('to').value)
    if ($('area').value.trim()) q.set('area', $('area').value.trim())
    return q.toString()
  }

  function table(rows) {
    var t = el('table')
    if (!rows.length) {
      var r = t.insertRow()
      r.appendChild(el('td', 'No events in this range.'))
      return t
    }
    var cols = Object.keys(rows[0])
    var head = t.createTHead().insertRow()
    cols.forEach(function (c) {
      head.appendChild(el('th', c, typeof rows[0][c] === 'number' ? 'n' : ''))
    })
    var body = t.createTBody()
    rows.forEach(function (row) {
      var tr = body.insertRow()
      cols.forEach(function (c) {
        var v = row[c]
        tr.appendChild(el('td', v == null ? '' : v, typeof v === 'number' ? 'n' : ''))
      })
    })
    return t
  }

  function draw(report) {
    charts.forEach(function (c) {
      c.destroy()
    })
    charts = []
    var main = $('report')
    main.textContent = ''
    SECTIONS.forEach(function (s) {
      var rows = report.tables[s.table] || []
      var sec = el('section')
      sec.id = 'section-' + s.table
      var h = el('h2', s.title)
      var a = el('a', 'CSV')
      a.href = '/operator/api/usage/' + s.table + '.csv?' + query()
      a.setAttribute('download', '')
      a.id = 'csv-' + s.table
      h.appendChild(a)
      sec.appendChild(h)
      sec.appendChild(el('p', s.why, 'why'))
      if (s.kpi === 'deflection')
        sec.appendChild(
          el(
            'div',
            report.deflectionRate == null ? '–' : Math.round(report.deflectionRate * 100) + '% solved before a ticket',
            'kpi',
          ),
        )
      if (s.kpi === 'calls')
        sec.appendChild(
          el(
            'div',
            'Calls saved: ' +
              rows.reduce(function (n, r) {
                return n + r.calls
              }, 0),
            'kpi',
          ),
        )
      if (s.kpi === 'offers' && rows.length)
        sec.appendChild(
          offerButton(
            rows.reduce(function (n, r) {
              return n + r.households
            }, 0),
          ),
        )
      if (rows.length && typeof Chart !== 'undefined') {
        var canvas = el('canvas')
        sec.appendChild(canvas)
        charts.push(
          new Chart(canvas, {
            type: s.chart,
            data: {
              labels: rows.map(function (r) {
                return r[s.label]
              }),
              datasets: s.values.map(function (v, i) {
                return {
                  label: v,
                  data: rows.map(function (r) {
                    return r[v]
                  }),
                  backgroundColor: COLOURS[i],
                  borderColor: COLOURS[i],
                }
              }),
            },
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              plugins: { legend: { position: 'bottom' } },
            },
          }),
        )
      }
      sec.appendChild(table(rows))
      main.appendChild(sec)
    })
  }

  // The operator's action: each package's offer to its audience in the range shown.
  function offerButton(households) {
    var box = el('div', null, 'offers')
    var button = el('button', 'Send offer to these ' + households + ' households')
    button.id = 'send-offers'
    var result = el('span', '', 'why')
    result.id = 'offers-result'
    button.addEventListener('click', function () {
      if (!window.confirm("Send each package's offer to its " + households + ' households in this range?')) return
      button.disabled = true
      var body = {}
      new URLSearchParams(query()).forEach(function (v, k) {
        body[k] = v
      })
      fetch('/operator/api/usage/offers', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status)
          return res.json()
        })
        .then(function (r) {
          result.textContent =
            ' Sent ' +
            r.sent +
            ' of ' +
            r.targets +
            ' · said no ' +
            r.optedOut +
            ' · offered already ' +
            r.alreadyOffered +
            ' · at their cap ' +
            r.capped +
            ' · not eligible ' +
            r.notEligible +
            ' · unreachable ' +
            r.unreachable +
            ' · failed ' +
            r.failed
        })
        .catch(function (err) {
          result.textContent = ' Not sent: ' + err.message
        })
        .then(function () {
          button.disabled = false
        })
    })
    box.appendChild(button)
    box.appendChild(result)
    return box
  }

  function load() {
    $('status').textContent = 'Loading…'
    fetch('/operator/api/usage/report?' + query(), { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status)
        return res.json()
      })
      .then(function (report) {
        $('from').value = report.from
        $('to').value = report.to
        draw(report)
        $('status').textContent = report.from + ' – ' + report.to + (report.area ? ' · area ' + report.area : '')
        document.body.setAttribute('data-ready', 'true')
      })
      .catch(function (err) {
        $('status').textContent = 'Could not load the report: ' + err.message
      })
  }

  $('apply').addEventListener('click', load)
  load()
})()
