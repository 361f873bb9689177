// Maestro console: the pages are shells; everything they show and send goes through the REST API (/api/...) with the
// login session. Changes carry the session's CSRF token in a header. No framework, nothing from a CDN.
(() => {
  'use strict';

  const meta = name => {
    const m = document.querySelector(`meta[name="${name}"]`);
    return m ? m.content : null;
  };
  const context = meta('maestro-context') || '/';
  const mayOperate = meta('maestro-may-operate') === 'true';
  const mayChangeRules = meta('maestro-may-change-rules') === 'true';
  const url = path => context + path.replace(/^\//, '');
  const params = new URLSearchParams(location.search);
  const SVG = 'http://www.w3.org/2000/svg';

  // ---- calling the API -------------------------------------------------------------------------------------------

  /** Calls the API; answers {status, ok, data}. A lost session leads to the login page. */
  async function api(path, {method = 'GET', body, form} = {}) {
    const headers = {'Accept': 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest'};
    if (method !== 'GET') {
      headers[meta('_csrf_header') || 'X-CSRF-TOKEN'] = meta('_csrf');
    }
    let payload = form;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(url(path), {method, headers, body: payload, credentials: 'same-origin'});
    if (response.status === 401) {
      location.assign(url('/login'));
      throw new Error('The session ended: log in again');
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = {detail: text};
    }
    return {status: response.status, ok: response.ok, data};
  }

  /** The data of a successful GET; a problem is thrown with its detail. */
  async function read(path) {
    const answer = await api(path);
    if (!answer.ok) {
      throw new Error(problem(answer));
    }
    return answer.data;
  }

  /** A problem document in words: its status, detail and every bad field. */
  function problem(answer) {
    const d = answer.data || {};
    const fields = (d.errors || []).map(e => `${e.field}: ${e.message}`);
    return `${answer.status}: ${[d.detail || d.title || 'failed'].concat(fields).join('; ')}`;
  }

  // ---- building the page ---------------------------------------------------------------------------------------

  /** An element with attributes and children (strings become text: nothing is parsed as HTML). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    return fill(e, attrs, children);
  }

  function svg(tag, attrs, ...children) {
    return fill(document.createElementNS(SVG, tag), attrs, children);
  }

  function fill(e, attrs, children) {
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k.startsWith('on')) {
        e.addEventListener(k.substring(2), v);
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().forEach(c => {
      if (c !== null && c !== undefined && c !== false) {
        e.append(c instanceof Node ? c : String(c));
      }
    });
    return e;
  }

  function table(attrs, caption, headings, rows) {
    return el('table', attrs, caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, headings.map(h => typeof h === 'string'
        ? el('th', {scope: 'col'}, h) : el('th', {scope: 'col', class: h.class}, h.text)))),
      el('tbody', {}, rows));
  }

  function replace(id, ...content) {
    const target = document.getElementById(id);
    target.replaceChildren(...content.flat().filter(c => c !== null && c !== undefined && c !== false));
  }

  /** Shows what came of something: a status (role=status) or what went wrong (role=alert). */
  function say(text, ok = true) {
    const messages = document.getElementById('messages');
    if (!messages || !text) {
      return;
    }
    messages.replaceChildren(el('p', {class: `note ${ok ? 'ok' : 'bad'}`, role: ok ? 'status' : 'alert'}, text));
  }

  const main = () => document.getElementById('main');

  /** Loads and draws a page; the page is busy (aria-busy) until it is drawn, a failure is shown as an alert. */
  async function show(load, note) {
    main().setAttribute('aria-busy', 'true');
    try {
      const draw = await load();
      draw();
      if (note) {
        say(note.text, note.ok);
      }
    } catch (e) {
      say(e.message, false);
    } finally {
      main().setAttribute('aria-busy', 'false');
    }
  }

  const money = v => v === null || v === undefined ? '' : Number(v).toLocaleString('en-US',
    {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const when = t => t ? t.replace('T', ' ').substring(0, 16) : '';
  const whenExactly = t => t ? t.replace('T', ' ').substring(0, 19) : '';
  const percent = r => r === null || r === undefined ? '–' : `${(r * 100).toFixed(1)} %`;
  const words = name => name.toLowerCase().replace(/_/g, ' ');
  const enc = encodeURIComponent;

  // ---- orders --------------------------------------------------------------------------------------------------

  function ordersPage() {
    ['q', 'olderThanHours', 'node'].forEach(name => {
      document.getElementById(name).value = params.get(name) || '';
    });
    document.getElementById('status').value = params.get('status') || '';
    document.getElementById('attention').checked = params.get('attention') === 'true';
    const query = new URLSearchParams();
    ['q', 'status', 'channel', 'olderThanHours', 'node', 'attention'].forEach(name => {
      if (params.get(name)) {
        query.set(name, params.get(name));
      }
    });
    show(async () => {
      const [found, channels] = await Promise.all([read(`/api/orders/search?${query}`), read('/api/orders/channels')]);
      return () => {
        const select = document.getElementById('channel');
        select.replaceChildren(el('option', {value: ''}, 'any'),
          channels.map(c => el('option', {value: c, selected: c === params.get('channel')}, c)));
        if (found.items.length === 0) {
          replace('order-results', el('p', {id: 'no-orders'}, 'No order matches.'));
          return;
        }
        replace('order-results', table({id: 'orders'},
          [`${found.items.length} orders, newest first`,
            found.items.length === found.limit ? ` (the first ${found.limit}: narrow the filters)` : ''],
          ['Order', 'Channel', 'Channel order', 'Customer', 'Status', {text: 'Total', class: 'num'}, 'Taken in'],
          found.items.map(r => el('tr', {},
            el('td', {}, el('a', {href: url(`/console/orders/${enc(r.orderId)}`)}, r.orderId)),
            el('td', {}, r.channel), el('td', {}, r.channelOrderId), el('td', {}, r.customerEmail),
            el('td', {}, el('span', {class: 'status'}, r.status)), el('td', {class: 'num'}, money(r.total)),
            el('td', {}, when(r.createdAt))))));
      };
    });
  }

  /** Timeline entries whose reason is the allocation's explanation. */
  const PLAN_EVENTS = ['ALLOCATED', 'REALLOCATED', 'REOPTIMISED'];

  function orderPage() {
    const orderId = document.body.dataset.orderId;
    const path = `/api/orders/${enc(orderId)}`;
    const reload = note => show(async () => {
      const [order, timeline, commands, exceptions] = await Promise.all([read(path), read(`${path}/timeline`),
        read(`${path}/commands`), api(`/api/exceptions?orderId=${enc(orderId)}&size=500`)]);
      return () => drawOrder(order, timeline.entries, commands,
        exceptions.ok ? exceptions.data.items : []);
    }, note);
    document.querySelectorAll('form[data-command]').forEach(form => form.addEventListener('submit', async event => {
      event.preventDefault();
      const command = form.dataset.command;
      const answer = await api(`${path}/${command}`, {method: 'POST', body: commandBody(command, form)});
      const what = words((answer.data && answer.data.command) || command.replace('lines/cancel', 'cancel_lines'));
      if (answer.status === 202) {
        const c = answer.data;
        reload({text: `Accepted (202): ${what} is ${c.status.toLowerCase()}${c.reason ? ' — ' + c.reason : ''}`});
      } else if (answer.status === 409) {
        reload({text: `Refused (409): ${what} — ${answer.data.detail}`, ok: false});
      } else {
        say(`Not sent (${problem(answer)})`, false);
      }
    }));
    reload();
  }

  function commandBody(command, form) {
    const value = name => {
      const v = form.elements[name].value.trim();
      return v === '' ? null : v;
    };
    if (command === 'lines/cancel') {
      return {lines: [{lineNo: Number(value('lineNo')), quantity: Number(value('quantity'))}], reason: value('reason')};
    }
    if (command === 'change') {
      return {shipTo: {name: value('name'), line1: value('line1'), line2: value('line2'), city: value('city'),
        region: value('region'), postalCode: value('postalCode'), country: value('country')}};
    }
    return {reason: value('reason')};
  }

  function drawOrder(order, timeline, commands, exceptions) {
    document.getElementById('order-status').textContent = order.status;
    document.getElementById('order-held').hidden = !order.held;
    const a = order.shipTo;
    const explanation = timeline.filter(e => PLAN_EVENTS.includes(e.type)).pop();
    replace('order-details',
      el('section', {class: 'facts', 'aria-labelledby': 'facts'},
        el('h2', {id: 'facts', class: 'sr-only'}, 'Order facts'),
        el('dl', {},
          el('dt', {}, 'Channel'), el('dd', {}, `${order.channel} ${order.channelOrderId}`),
          el('dt', {}, 'Customer'), el('dd', {},
            `${order.customer.id} (${order.customer.tier}) ${order.customer.email || ''}`),
          el('dt', {}, 'Ship to'), el('dd', {},
            `${a.name}, ${a.line1}, ${a.city} ${a.region} ${a.postalCode} ${a.country}`),
          el('dt', {}, 'Delivery'), el('dd', {}, `${order.deliveryOption}${order.pickupNodeId
            ? ' at ' + order.pickupNodeId : ''}, ${order.preference}${order.shipComplete ? ', ship complete' : ''}`),
          el('dt', {}, 'Total'), el('dd', {}, `${money(order.orderTotal)} USD`),
          el('dt', {}, 'Taken in'), el('dd', {}, whenExactly(order.createdAt)),
          order.held ? [el('dt', {}, 'Held'), el('dd', {}, `by ${order.hold.heldBy}: ${order.hold.reason}`)] : null)),
      exceptions.length === 0 ? null : el('section', {'aria-labelledby': 'needs'},
        el('h2', {id: 'needs'}, 'Needs attention'),
        el('ul', {}, exceptions.map(e => el('li', {}, el('span', {}, e.reason), ' ',
          e.tasklistLink ? el('a', {href: url(e.tasklistLink)}, 'Open the task in Tasklist') : null)))),
      el('section', {'aria-labelledby': 'lines'}, el('h2', {id: 'lines'}, 'Lines'),
        table({id: 'line-table'}, null, ['Line', 'SKU', ...['Ordered', 'Allocated', 'Shipped', 'Delivered', 'Cancelled',
          'Returned', 'Unit price'].map(text => ({text, class: 'num'}))],
        order.lineQuantities.map((q, i) => el('tr', {}, el('td', {}, q.lineNo), el('td', {}, q.sku),
          [q.ordered, q.allocated, q.shipped, q.delivered, q.cancelled, q.returned].map(n => el('td', {class: 'num'}, n)),
          el('td', {class: 'num'}, `${money(order.lines[i].unitPrice)} USD`))))),
      el('section', {'aria-labelledby': 'shipments'}, el('h2', {id: 'shipments'}, 'Shipments'),
        order.shipments.length === 0 ? el('p', {}, 'None yet.') : table({}, null,
          ['Shipment', 'Node', 'Lines', 'Carrier', {text: 'Cost', class: 'num'}, {text: 'CO2e kg', class: 'num'},
            'Promised', 'Status', 'Tracking'],
          order.shipments.map(s => el('tr', {}, el('td', {}, s.shipmentId),
            el('td', {}, el('a', {href: url(`/console/inventory?sku=${enc(s.lines.length ? s.lines[0].sku : '')}`)},
              s.nodeId)),
            el('td', {}, s.lines.map(l => `line ${l.lineNo}: ${l.quantity} × ${l.sku} `)),
            el('td', {}, `${s.carrier || ''} ${s.service || ''}`),
            el('td', {class: 'num'}, s.cost === null ? '' : `${money(s.cost)} USD`),
            el('td', {class: 'num'}, s.co2Kg), el('td', {}, s.promisedDate),
            el('td', {}, el('span', {class: 'status'}, s.status)), el('td', {}, s.trackingNumber))))),
      explanation ? el('section', {'aria-labelledby': 'why'}, el('h2', {id: 'why'}, 'Why these nodes'),
        el('p', {id: 'explanation'}, explanation.reason)) : null);

    const actions = document.getElementById('order-actions');
    if (actions) {
      actions.hidden = false;
      document.getElementById('hold-form').hidden = order.held;
      document.getElementById('release-form').hidden = !order.held;
      document.getElementById('line-no').replaceChildren(...order.lines.map(l =>
        el('option', {value: l.lineNo}, `${l.lineNo} ${l.sku}`)));
      const fields = {'a-name': a.name, 'a-line1': a.line1, 'a-line2': a.line2, 'a-city': a.city,
        'a-region': a.region, 'a-postal': a.postalCode, 'a-country': a.country};
      Object.entries(fields).forEach(([id, v]) => {
        document.getElementById(id).value = v || '';
      });
    }

    replace('order-history',
      commands.length === 0 ? null : el('section', {'aria-labelledby': 'cmds'}, el('h2', {id: 'cmds'}, 'Commands sent'),
        table({}, null, ['Received', 'Command', 'By', 'Outcome', 'Reason'], commands.slice().reverse().map(c =>
          el('tr', {}, el('td', {}, whenExactly(c.receivedAt)), el('td', {}, c.command), el('td', {}, c.actor),
            el('td', {}, c.status), el('td', {}, c.reason))))),
      el('section', {'aria-labelledby': 'timeline'}, el('h2', {id: 'timeline'}, 'Timeline'),
        el('ol', {class: 'timeline', reversed: true}, timeline.slice().reverse().map(e => el('li', {},
          el('time', {}, whenExactly(e.at)), el('strong', {}, e.type), ' ',
          e.status ? el('span', {class: 'status'}, e.status) : null, ' ',
          el('span', {}, e.reason || ''), ' ', el('small', {}, `— ${e.actor || ''}`))))));
  }

  // ---- exceptions ----------------------------------------------------------------------------------------------

  function exceptionsPage() {
    const kind = params.get('kind') || '';
    document.getElementById('kind').value = kind;
    show(async () => {
      const page = await read(`/api/exceptions?size=500${kind ? '&kind=' + enc(kind) : ''}`);
      return () => replace('exception-results', page.items.length === 0
        ? el('p', {id: 'no-exceptions'}, 'Nothing waits for a person.')
        : table({id: 'exceptions'}, [el('span', {id: 'exception-count'}, page.total), ' open'],
          ['Since', 'Order', 'Status', 'Kind', 'Step', 'Reason', 'Act'],
          page.items.map(e => el('tr', {}, el('td', {}, when(e.since)),
            el('td', {}, el('a', {href: url(`/console/orders/${enc(e.orderId)}`)}, e.orderId)),
            el('td', {}, e.orderStatus), el('td', {}, e.kind), el('td', {}, e.stepName || e.stepId || ''),
            el('td', {}, e.reason),
            el('td', {}, e.tasklistLink ? el('a', {href: url(e.tasklistLink)}, 'Task in Tasklist') : null,
              e.deadLetterId ? el('a', {href: url('/console/dead-letters')}, `Dead letter ${e.deadLetterId}`) : null)))));
    });
  }

  // ---- dead letters --------------------------------------------------------------------------------------------

  function deadLettersPage() {
    const status = params.get('status') || '';
    document.getElementById('dl-status').value = status;
    const reload = note => show(async () => {
      const page = await read(`/api/dead-letters?size=200${status ? '&status=' + enc(status) : ''}`);
      return () => replace('dead-letter-results', page.items.length === 0
        ? el('p', {id: 'no-dead-letters'}, 'No dead letters.')
        : table({id: 'dead-letters'}, `${page.total} dead letters`,
          ['Id', 'Received', 'Source', 'Where', 'Reason', 'Status', 'Content', 'Act'],
          page.items.map(d => el('tr', {}, el('td', {}, d.id), el('td', {}, when(d.receivedAt)),
            el('td', {}, d.source), el('td', {}, d.reference), el('td', {}, d.reason),
            el('td', {}, el('span', {}, d.status), el('br'), el('small', {}, d.replayNote || '')),
            el('td', {}, el('details', {}, el('summary', {}, 'Show'), el('pre', {}, d.payload))),
            el('td', {}, mayOperate && d.status === 'OPEN' ? letterActions(d.id, reload) : null)))));
    }, note);
    reload();
  }

  function letterActions(id, reload) {
    const act = async (what, body) => {
      const answer = await api(`/api/dead-letters/${id}/${what}`, {method: 'POST', body});
      if (answer.ok) {
        reload({text: `Dead letter ${id}: ${answer.data.status.toLowerCase()}`});
      } else {
        reload({text: `Dead letter ${id} could not be ${what === 'replay' ? 'replayed' : 'discarded'}: `
          + problem(answer), ok: false});
      }
    };
    const note = el('input', {id: `note-${id}`, name: 'note', size: 12});
    return [
      el('form', {onsubmit: e => { e.preventDefault(); act('replay', {}); }},
        el('button', {type: 'submit', id: `replay-${id}`}, 'Replay')),
      el('form', {onsubmit: e => {
        e.preventDefault();
        act('discard', {note: note.value.trim() || null});
      }}, el('label', {for: `note-${id}`}, 'Note'), ' ', note, ' ',
      el('button', {type: 'submit', id: `discard-${id}`}, 'Discard'))];
  }

  // ---- inventory and the map -----------------------------------------------------------------------------------

  /**
   * The contiguous United States: an equirectangular projection scaled for the middle latitude (good enough to
   * place nodes where they are), the outline a coarse polygon of the coast and borders.
   */
  const UsMap = {
    WIDTH: 840, HEIGHT: 470, WEST: -125.0, NORTH: 50.0, SCALE: 18.0,
    OUTLINE: [
      [-124.7, 48.4], [-123.0, 49.0], [-95.2, 49.0], [-95.2, 49.4], [-89.6, 48.0], [-84.5, 46.5], [-82.5, 45.3],
      [-82.4, 43.0], [-79.0, 43.3], [-76.8, 43.6], [-75.0, 45.0], [-71.5, 45.0], [-70.0, 46.7], [-67.8, 47.1],
      [-67.0, 44.8], [-70.2, 43.6], [-70.6, 42.0], [-71.9, 41.3], [-74.0, 40.6], [-74.0, 39.5], [-74.9, 38.9],
      [-75.5, 38.5], [-76.0, 37.0], [-75.5, 35.2], [-77.9, 33.9], [-79.9, 32.7], [-81.4, 30.7], [-80.1, 26.9],
      [-80.4, 25.2], [-81.8, 25.9], [-82.7, 27.7], [-83.0, 29.2], [-84.3, 30.0], [-86.5, 30.4], [-89.5, 30.2],
      [-89.4, 29.0], [-90.5, 29.1], [-93.8, 29.7], [-95.0, 29.3], [-97.2, 27.8], [-97.2, 25.9], [-99.5, 27.5],
      [-101.4, 29.8], [-103.3, 29.0], [-104.5, 29.6], [-106.5, 31.8], [-108.2, 31.3], [-111.1, 31.3],
      [-114.8, 32.5], [-117.1, 32.5], [-118.5, 34.0], [-120.6, 34.6], [-122.5, 37.8], [-123.8, 39.8],
      [-124.2, 42.0], [-124.0, 46.3]],
    x(longitude) {
      return round1((longitude - this.WEST) * this.SCALE * Math.cos(38 * Math.PI / 180));
    },
    y(latitude) {
      return round1((this.NORTH - latitude) * this.SCALE);
    },
    outline() {
      return this.OUTLINE.map(([lon, lat]) => `${this.x(lon)},${this.y(lat)}`).join(' ');
    }
  };

  function round1(v) {
    return Math.round(v * 10) / 10;
  }

  /** None, low (a quarter of the best node's or less) or good. */
  function level(atp, most) {
    if (atp <= 0) {
      return 'none';
    }
    return atp * 4 <= most ? 'low' : 'good';
  }

  function inventoryPage() {
    const asked = (params.get('sku') || '').trim();
    document.getElementById('sku').value = asked;
    const reload = note => show(async () => {
      const skus = await read('/api/skus?size=500');
      const sku = asked || (skus.items.length ? skus.items[0].sku : null);
      const [item, stock, nodes, protections] = sku ? await Promise.all([read(`/api/skus/${enc(sku)}`),
        read(`/api/inventory/${enc(sku)}`), read('/api/nodes'), read(`/api/inventory/protections/${enc(sku)}`)])
        : [null, null, [], []];
      return () => {
        document.getElementById('sku-list').replaceChildren(...skus.items.map(s =>
          el('option', {value: s.sku}, s.name)));
        document.getElementById('shown-sku').textContent = sku || '';
        if (!sku) {
          replace('inventory-results', el('p', {}, 'No SKU yet.'));
          return;
        }
        drawInventory(sku, item, stock, nodes, protections, reload);
      };
    }, note);
    reload();
  }

  function drawInventory(sku, item, stock, nodes, protections, reload) {
    const byNode = Object.fromEntries(stock.nodes.map(n => [n.nodeId, n]));
    const most = Math.max(0, ...stock.nodes.map(n => n.atp));
    const rows = nodes.map(node => {
      const s = byNode[node.id] || {onHand: 0, reserved: 0, safetyStock: 0, protectedForOthers: 0, atp: 0};
      return {node, stock: s, level: level(s.atp, most)};
    });
    const toggle = async node => {
      const what = node.status === 'OPEN' ? 'pause' : 'open';
      const answer = await api(`/api/nodes/${enc(node.id)}/${what}`, {method: 'POST'});
      reload(answer.ok
        ? {text: what === 'pause' ? `${node.id} is paused: it keeps its stock and gets no new work` : `${node.id} is open`}
        : {text: problem(answer), ok: false});
    };
    replace('inventory-results',
      el('p', {}, el('span', {}, item.name), ': network ATP ', el('strong', {id: 'network-atp'}, stock.atp),
        `, on hand ${stock.onHand}, reserved ${stock.reserved}, safety stock ${stock.safetyStock}.`),
      el('figure', {class: 'map'},
        svg('svg', {id: 'us-map', role: 'img', 'aria-labelledby': 'map-title map-desc',
          viewBox: `0 0 ${UsMap.WIDTH} ${UsMap.HEIGHT}`},
          svg('title', {id: 'map-title'}, 'Nodes holding the SKU on a map of the United States'),
          svg('desc', {id: 'map-desc'}, 'Each circle is a node at its location: green has good availability, amber '
            + 'little, red none, grey a paused node. The table below lists the same figures.'),
          svg('polygon', {class: 'land', points: UsMap.outline()}),
          rows.map(r => svg('a', {href: `#node-${r.node.id}`, class: `node ${r.node.status === 'PAUSED' ? 'paused' : r.level}`,
            onclick: () => {
              const row = document.getElementById(`node-${r.node.id}`);
              setTimeout(() => row.focus(), 0);
            }},
          svg('circle', {cx: UsMap.x(r.node.longitude), cy: UsMap.y(r.node.latitude), r: r.node.type === 'STORE' ? 6 : 9,
            'data-node': r.node.id, 'data-atp': r.stock.atp}),
          svg('title', {}, `${r.node.name} (${r.node.id}): ATP ${r.stock.atp}`)))),
        el('figcaption', {}, ['good', 'low', 'none'].map(k => el('span', {class: `key ${k}`}, `${k} ATP`)), ' ',
          el('span', {class: 'key paused'}, 'paused'))),
      table({id: 'positions'}, 'Positions per node (ATP for a channel holds back what is protected for other channels)',
        ['Node', 'Type', 'Status', ...['On hand', 'Reserved', 'Safety', 'Protected', 'ATP'].map(text => ({text, class: 'num'})),
          mayOperate ? 'Act' : null].filter(h => h),
        rows.map(r => el('tr', {id: `node-${r.node.id}`, tabindex: -1},
          el('th', {scope: 'row'}, el('span', {}, r.node.id), el('br'),
            el('small', {}, `${r.node.name}, ${r.node.address ? r.node.address.city : ''}`)),
          el('td', {}, r.node.type), el('td', {}, r.node.status),
          [r.stock.onHand, r.stock.reserved, r.stock.safetyStock, r.stock.protectedForOthers].map(n =>
            el('td', {class: 'num'}, n)),
          el('td', {class: 'num'}, el('span', {class: `atp ${r.level}`}, r.stock.atp)),
          mayOperate ? el('td', {}, r.node.status === 'OPEN'
            ? el('button', {type: 'button', id: `pause-${r.node.id}`, 'aria-label': `Pause ${r.node.id}`,
              onclick: () => toggle(r.node)}, 'Pause')
            : el('button', {type: 'button', id: `open-${r.node.id}`, 'aria-label': `Open ${r.node.id}`,
              onclick: () => toggle(r.node)}, 'Open')) : null))),
      el('h2', {}, 'Channel protections'),
      protections.length === 0 ? el('p', {}, 'None: every channel sees the same ATP.')
        : table({id: 'protections'}, null, ['Channel', {text: 'Held for it', class: 'num'}],
          protections.map(p => el('tr', {}, el('td', {}, p.channel), el('td', {class: 'num'}, `${p.percent} %`)))));
  }

  // ---- KPIs and their charts -----------------------------------------------------------------------------------

  /** Lines and bars for the KPI charts, drawn as SVG from the API's figures. */
  const Chart = {
    WIDTH: 720, HEIGHT: 200,
    COLOURS: ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#0a7ea4', '#bf3989'],

    /** One line per series over the same buckets, scaled to the highest value of all. */
    lines(series) {
      const max = Math.max(1, this.max(series));
      return Object.entries(series).map(([name, values], i) => {
        const step = values.length > 1 ? this.WIDTH / (values.length - 1) : 0;
        return {name, colour: this.COLOURS[i % this.COLOURS.length], total: values.reduce((a, b) => a + b, 0),
          points: values.map((v, k) => `${round1(k * step)},${round1(this.HEIGHT - v * this.HEIGHT / max)}`).join(' ')};
      });
    },

    max(series) {
      return Math.max(0, ...Object.values(series).flat());
    },

    /** Horizontal bars, one per entry, scaled to the largest. */
    bars(values, labelledBy, kind) {
      const entries = Object.entries(values);
      const max = Math.max(1, ...entries.map(([, v]) => v));
      const row = 24;
      const labelWidth = 180;
      return svg('svg', {class: 'chart bars', role: 'img', 'aria-labelledby': labelledBy,
        viewBox: `0 0 ${this.WIDTH} ${entries.length * row + 8}`}, entries.map(([label, value], i) => {
        const y = i * row + 4;
        const width = round1((this.WIDTH - labelWidth - 60) * value / max);
        return svg('g', {}, svg('text', {x: labelWidth - 8, y: y + 13, 'text-anchor': 'end'}, label),
          svg('rect', {class: `bar ${kind || ''}`, x: labelWidth, y, width, height: row - 8}),
          svg('text', {x: labelWidth + width + 6, y: y + 13}, value));
      }));
    }
  };

  function kpisPage() {
    const period = params.get('period') || 'HOURS_24';
    document.getElementById('period').value = period;
    show(async () => {
      const [report, drift] = await Promise.all([read(`/api/kpis?period=${enc(period)}`),
        read('/api/carriers/estimate-drift')]);
      return () => drawKpis(report, drift);
    });
  }

  function drawKpis(report, drift) {
    const lines = Chart.lines(report.ordersByChannel);
    const highest = Chart.max(report.ordersByChannel);
    const W = Chart.WIDTH;
    const H = Chart.HEIGHT;
    const seconds = v => v === null || v === undefined ? '–' : `${v} s`;
    const flow = (name, p) => el('tr', {}, el('th', {scope: 'row'}, name), el('td', {class: 'num'}, p.count),
      [p.p50, p.p90, p.p99].map(v => el('td', {class: 'num'}, seconds(v))));
    replace('kpi-results',
      el('p', {}, `Orders taken in from ${when(report.from)} to ${when(report.to)} UTC: `,
        el('strong', {id: 'kpi-orders'}, report.orders), '.'),
      el('section', {'aria-labelledby': 'per-channel'},
        el('h2', {id: 'per-channel'}, `Orders per ${report.bucket === 'HOURS' ? 'hour' : 'day'} by channel`),
        svg('svg', {class: 'chart', role: 'img', 'aria-labelledby': 'per-channel per-channel-desc',
          viewBox: `-40 -10 ${W + 60} ${H + 30}`},
        svg('desc', {id: 'per-channel-desc'}, `Lines for ${lines.length === 0 ? 'no channel'
          : lines.map(l => `${l.name} (${l.total})`).join(', ')}; highest ${highest} per bucket`),
        svg('line', {x1: 0, y1: H, x2: W, y2: H, class: 'axis'}), svg('line', {x1: 0, y1: 0, x2: 0, y2: H, class: 'axis'}),
        svg('text', {x: -6, y: 4, 'text-anchor': 'end'}, highest), svg('text', {x: -6, y: H, 'text-anchor': 'end'}, '0'),
        svg('text', {x: 0, y: H + 18}, when(report.from).substring(5)),
        svg('text', {x: W, y: H + 18, 'text-anchor': 'end'}, when(report.to).substring(5)),
        lines.map(l => svg('polyline', {fill: 'none', 'stroke-width': 2, points: l.points, stroke: l.colour}))),
        el('ul', {class: 'legend'}, lines.map(l => el('li', {},
          el('span', {class: 'swatch', style: `background:${l.colour}`}), el('span', {}, `${l.name}: ${l.total}`))))),
      el('section', {'aria-labelledby': 'flow', class: 'figures'}, el('h2', {id: 'flow'}, 'Flow'),
        table({}, null, ['From intake to', ...['Orders', 'p50', 'p90', 'p99'].map(text => ({text, class: 'num'}))],
          [flow('allocated', report.orderToAllocated), flow('delivered', report.orderToDelivered)]),
        el('dl', {class: 'kpis'},
          el('dt', {}, 'Split rate'), el('dd', {id: 'kpi-split'}, percent(report.splitRate)),
          el('dt', {}, 'Fill rate'), el('dd', {id: 'kpi-fill'}, percent(report.fillRate)),
          el('dt', {}, 'Shipping cost per order'), el('dd', {}, report.costPerOrder === null ? '–'
            : `${money(report.costPerOrder)} USD`),
          el('dt', {}, 'CO2e per order'), el('dd', {}, report.co2KgPerOrder === null ? '–' : `${report.co2KgPerOrder} kg`),
          el('dt', {}, 'Labels within 1 % of the estimate (all shipments)'), el('dd', {id: 'kpi-drift'},
            drift.shipments === 0 ? 'no label bought yet' : `${percent(drift.shareWithinOnePercent)} of `
              + `${drift.shipments.toLocaleString('en-US')}, mean drift ${drift.meanAbsPercent.toFixed(2)} %`))),
      el('section', {'aria-labelledby': 'sla'}, el('h2', {id: 'sla'}, 'Node SLA breaches'),
        Object.keys(report.slaBreachesByNode).length === 0
          ? el('p', {}, 'No node missed its acceptance SLA in this period.')
          : Chart.bars(report.slaBreachesByNode, 'sla', 'bad')),
      el('section', {'aria-labelledby': 'backlog'}, el('h2', {id: 'backlog'}, 'Backlog now'),
        Chart.bars(report.backlogByStatus, 'backlog')));
  }

  // ---- decision tables and their rollouts ----------------------------------------------------------------------

  function rulesPage() {
    const reload = note => show(async () => {
      const tables = await read('/api/decisions');
      const active = await Promise.all(tables.filter(t => t.lastRollout && t.lastRollout.status === 'ACTIVE')
        .map(t => read(`/api/decisions/${enc(t.key)}/rollouts/${enc(t.lastRollout.id)}`)));
      return () => drawRules(tables, active, reload);
    }, note);
    const form = document.getElementById('start-rollout');
    if (form) {
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const key = form.elements.decisionKey.value;
        const data = new FormData();
        const file = form.elements.file.files[0];
        if (file) {
          data.append('file', file);
        }
        ['region', 'channel', 'category', 'sharePercent'].forEach(name => {
          const v = form.elements[name].value.trim();
          if (v) {
            data.append(name, v);
          }
        });
        const answer = await api(`/api/decisions/${enc(key)}/rollouts`, {method: 'POST', form: data});
        const r = answer.ok ? answer.data.rollout : null;
        reload(answer.ok ? {text: `${key} v${r.candidateVersion} decides ${answer.data.slice}; v${r.baseVersion} `
          + 'the other orders'} : {text: problem(answer), ok: false});
      });
    }
    reload();
  }

  function drawRules(tables, active, reload) {
    const select = document.getElementById('rollout-table');
    if (select) {
      const chosen = select.value;
      select.replaceChildren(...tables.map(t => el('option', {value: t.key, selected: t.key === chosen}, t.key)));
    }
    const act = async (view, what) => {
      const r = view.rollout;
      const answer = await api(`/api/decisions/${enc(r.decisionKey)}/rollouts/${enc(r.id)}/${what}`, {method: 'POST'});
      reload(!answer.ok ? {text: problem(answer), ok: false} : {text: what === 'promote'
        ? `${r.decisionKey} v${r.candidateVersion} decides every order`
        : `${r.decisionKey} v${r.baseVersion} decides every order again`});
    };
    const side = (name, s) => el('tr', {}, el('th', {scope: 'row'}, name), el('td', {}, s.orders),
      el('td', {}, s.orderToAllocated.count === 0 ? '—' : `${s.orderToAllocated.p50} / ${s.orderToAllocated.p90}`),
      el('td', {}, s.splitRate === null ? '—' : percent(s.splitRate)),
      el('td', {}, s.fillRate === null ? '—' : percent(s.fillRate)),
      el('td', {}, s.costPerOrder === null ? '—' : `$${Number(s.costPerOrder).toFixed(2)}`),
      el('td', {}, s.co2KgPerOrder === null ? '—' : Number(s.co2KgPerOrder).toFixed(3)));
    replace('rule-results',
      table({id: 'decision-tables'}, 'Decision tables',
        ['Table', 'Name', 'Version in force', 'Latest deployed', 'Last rollout'],
        tables.map(t => el('tr', {id: `table-${t.key}`}, el('td', {}, t.key), el('td', {}, t.name),
          el('td', {}, `v${t.versionInForce}`), el('td', {}, `v${t.latestVersion}`),
          el('td', {}, t.lastRollout ? `${t.lastRollout.status} (v${t.lastRollout.candidateVersion} to ${t.lastSlice})`
            : 'none')))),
      el('h2', {}, 'Being tried'),
      active.length === 0 ? el('p', {id: 'no-rollouts'}, 'No version is being tried on part of the orders.') : null,
      active.map(v => el('section', {class: 'rollout', id: `rollout-${v.rollout.decisionKey}`},
        el('h3', {}, `${v.rollout.decisionKey}: v${v.rollout.candidateVersion} for ${v.slice}, `
          + `v${v.rollout.baseVersion} for the other orders`),
        el('p', {}, `Started ${when(v.rollout.startedAt)} by ${v.rollout.startedBy}.`),
        table({}, 'Orders each version decided since', ['Version', 'Orders', 'To allocated p50 / p90 (s)', 'Split rate',
          'Fill rate', 'Cost per order', 'CO2e per order (kg)'],
        [side(`v${v.rollout.candidateVersion} (candidate)`, v.candidate), side(`v${v.rollout.baseVersion} (base)`, v.base)]),
        mayChangeRules ? el('div', {class: 'actions'},
          el('button', {type: 'button', id: `promote-${v.rollout.decisionKey}`, onclick: () => act(v, 'promote')},
            'Promote: every order'), ' ',
          el('button', {type: 'button', id: `rollback-${v.rollout.decisionKey}`, onclick: () => act(v, 'rollback')},
            'Roll back')) : null)));
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  const PAGES = {orders: ordersPage, order: orderPage, exceptions: exceptionsPage, 'dead-letters': deadLettersPage,
    inventory: inventoryPage, kpis: kpisPage, rules: rulesPage};

  document.addEventListener('DOMContentLoaded', () => {
    // Filters marked data-autosubmit apply as soon as they change.
    document.querySelectorAll('select[data-autosubmit]').forEach(select =>
      select.addEventListener('change', () => select.form.submit()));
    const page = PAGES[document.body.dataset.page];
    if (page) {
      page();
    }
  });
})();
