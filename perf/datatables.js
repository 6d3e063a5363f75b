// Loads the app's ratings file into DataTables, giving bands the same meaning-based order the
// app uses, so the comparison times like for like. `?rows=N` sets the visible rows per page.
const BAND_ORDER = { Outstanding: 3, Good: 2, 'Requires improvement': 1, Inadequate: 0 };
const rows = Number(new URLSearchParams(location.search).get('rows') ?? 100);
const text = (value) => value ?? '';

fetch('/data/ratings.json')
  .then((response) => response.json())
  .then((ratings) => {
    window.dataTable = new DataTable('#table', {
      data: ratings.inspections,
      deferRender: true,
      pageLength: rows,
      columns: [
        { data: 'organisation' },
        { data: 'kind' },
        { data: (row) => text(row.owner) },
        { data: (row) => text(row.published) },
        { data: (row) => text(row.round) },
        {
          data: (row) => row.overall,
          render: (band, type) => (type === 'sort' || type === 'type' ? (band in BAND_ORDER ? BAND_ORDER[band] : -1) : text(band)),
        },
        { data: (row) => (row.score ? `${row.score.points}/${row.score.max}` : '') },
      ],
    });
    document.body.dataset.ready = 'true';
  });
