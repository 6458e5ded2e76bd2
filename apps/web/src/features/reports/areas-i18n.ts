import i18next from 'i18next';

// Texts of the Areas page (a province's named sets of communes, reported on as units). Vietnamese is the
// reference; English has the same keys.

const vi = {
  title: 'Khu vực báo cáo',
  intro:
    'Khu vực là một nhóm xã, phường của tỉnh (ví dụ "Huyện Ba Vì cũ"). Bảng số liệu, chỉ tiêu, danh sách chi tiết và báo cáo định kỳ của khu vực là tổng của các xã, phường trong đó, như của một đơn vị.',
  list: 'Các khu vực của tỉnh',
  empty: 'Tỉnh chưa có khu vực nào. Tạo khu vực từ một huyện cũ hoặc chọn các xã, phường ở dưới.',
  name: 'Tên khu vực',
  communes: 'Xã, phường',
  communeCount: '{{count}} xã, phường',
  legacyDistrict: 'Huyện cũ',
  updatedAt: 'Cập nhật',
  actions: 'Thao tác',
  figures: 'Xem số liệu',
  edit: 'Sửa',
  delete: 'Xoá',
  create: 'Tạo khu vực',
  fromDistrict: 'Tạo từ huyện cũ (trước 01/07/2025)',
  fromDistrictHint:
    'Chọn huyện cũ: các xã, phường hiện nay được hình thành từ các xã của huyện đó được chọn sẵn. Xã đánh dấu * cũng nhận xã của huyện khác; bỏ chọn nếu không thuộc khu vực.',
  district: 'Huyện cũ',
  districtPlaceholder: 'Chọn huyện cũ',
  nameSuffix: 'cũ',
  communesHint: 'Chọn ít nhất một xã, phường của tỉnh',
  save: 'Lưu',
  cancel: 'Huỷ',
  created: 'Đã tạo khu vực "{{name}}"',
  saved: 'Đã lưu khu vực "{{name}}"',
  deleted: 'Đã xoá khu vực "{{name}}"',
  editTitle: 'Sửa khu vực "{{name}}"',
  confirmEditTitle: 'Lưu thay đổi khu vực?',
  confirmEdit:
    'Khu vực "{{name}}" sẽ gồm {{count}} xã, phường (thêm {{added}}, bớt {{removed}}). Số liệu và báo cáo mới của khu vực tính theo danh sách này.',
  confirmDeleteTitle: 'Xoá khu vực?',
  confirmDelete:
    'Xoá khu vực "{{name}}"? Các xã, phường và số liệu của chúng không bị ảnh hưởng. Không xoá được khu vực đã có báo cáo định kỳ.',
  stale: 'Khu vực vừa được người khác sửa. Đã tải lại bản mới nhất; hãy kiểm tra rồi lưu lại.',
  readOnly: 'Bạn chỉ xem được các khu vực; cán bộ của tỉnh mới được tạo, sửa, xoá.',
};

const en: typeof vi = {
  title: 'Reporting areas',
  intro:
    'An area is a group of communes of the province (e.g. "former Ba Vì district"). Its dashboard, indicators, record lists and periodic reports are the sums over its communes, exactly as for a unit.',
  list: "The province's areas",
  empty: 'The province has no area yet. Create one from an old district or by choosing communes below.',
  name: 'Area name',
  communes: 'Communes',
  communeCount: '{{count}} communes',
  legacyDistrict: 'Old district',
  updatedAt: 'Updated',
  actions: 'Actions',
  figures: 'View figures',
  edit: 'Edit',
  delete: 'Delete',
  create: 'Create area',
  fromDistrict: 'Create from an old district (before 01/07/2025)',
  fromDistrictHint:
    'Choose an old district: the current communes formed from its communes are preselected. Communes marked * also took communes of another district; untick them if they do not belong.',
  district: 'Old district',
  districtPlaceholder: 'Choose an old district',
  nameSuffix: 'cũ',
  communesHint: 'Choose at least one commune of the province',
  save: 'Save',
  cancel: 'Cancel',
  created: 'Area "{{name}}" created',
  saved: 'Area "{{name}}" saved',
  deleted: 'Area "{{name}}" deleted',
  editTitle: 'Edit area "{{name}}"',
  confirmEditTitle: 'Save the changes to the area?',
  confirmEdit:
    'Area "{{name}}" will have {{count}} communes ({{added}} added, {{removed}} removed). Its figures and new reports follow this list.',
  confirmDeleteTitle: 'Delete the area?',
  confirmDelete:
    'Delete area "{{name}}"? Its communes and their figures are not affected. An area with periodic reports cannot be deleted.',
  stale: 'Someone else has just changed the area. The latest version is loaded; check it and save again.',
  readOnly: "You can only view areas; the province's officers create, edit and delete them.",
};

i18next.addResourceBundle('vi', 'areas', vi, true, true);
i18next.addResourceBundle('en', 'areas', en, true, true);
