// Loads the app's ratings file into DataTables with the columns the app's table shows by
// default (all but its computed rank and its compare boxes), giving bands the same meaning-based
// order the app uses, so the comparison times like for like. `?rows=N` sets the visible rows per
// page. The header is built here, from the file's standards.
const BAND_ORDER = { Outstanding: 3, Good: 2, 'Requires improvement': 1, Inadequate: 0 };
const rows = Number(new URLSearchParams(location.search).get('rows') ?? 100);
const text = (value) => value ?? '';
// Bands sort by meaning, unknown lowest; they show as their names.
const band = (value, type) => (type === 'sort' || type === 'type' ? (value in BAND_ORDER ? BAND_ORDER[value] : -1) : text(value));

fetch('/data/ratings.json')
  .then((response) => response.json())
  .then((ratings) => {
    const columns = [
      { title: 'Organisation', data: 'organisation' },
      { title: 'Kind', data: 'kind' },
      { title: 'Owner', data: (row) => text(row.owner) },
      { title: 'Region', data: (row) => text(row.region) },
      { title: 'Published', data: (row) => text(row.published) },
      { title: 'Round', data: (row) => text(row.round) },
      { title: 'Overall', data: (row) => row.overall, render: band },
      { title: 'Score', data: (row) => (row.score ? `${row.score.points}/${row.score.max}` : '') },
      ...ratings.standards.map((standard) => ({ title: standard.code, data: (row) => row.standards[standard.code], render: band })),
      { title: 'Caseload', data: (row) => (row.caseload ? row.caseload.count : '') },
      { title: 'Confidence', data: (row) => text(row.confidence) },
      { title: 'Source', data: (row) => text(row.source_url), render: (url, type) => (type === 'display' && url ? 'Source' : url) },
    ];
    // The text filter looks where the app's does: organisation, owner and region.
    const searched = new Set(['Organisation', 'Owner', 'Region']);
    window.dataTable = new DataTable('#table', {
      data: ratings.inspections,
      deferRender: true,
      pageLength: rows,
      columns: columns.map((column) => ({ ...column, searchable: searched.has(column.title) })),
    });
    document.body.dataset.ready = 'true';
  });
