// Generated from docs/openapi.json by `npm run api:generate` (openapi-typescript); do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình trạng hệ thống / Health */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng nhập / Log in */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng xuất / Log out */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Người dùng hiện tại / Current user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đổi mật khẩu / Change password */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các phiên đăng nhập của tôi / My active sessions */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Kết thúc một phiên đăng nhập của tôi / End one of my sessions */
        delete: operations["endMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách người dùng / List users */
        get: operations["listUsers"];
        put?: never;
        /** Tạo người dùng / Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa người dùng / Update a user */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đặt lại mật khẩu / Reset password */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mở khoá tài khoản bị khoá do đăng nhập sai / Unlock an account locked by failed logins */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/end-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc mọi phiên đăng nhập của người dùng / End all sessions of a user */
        post: operations["endUserSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup/first-steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các bước đầu của quản trị viên / First steps of a new administrator
         * @description Computed from real counts in the actor’s scope (the nation, or their province): facilities, users, people, the report cut-off setting; each step says whether the actor may do it.
         */
        get: operations["getFirstSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xác thực hai bước của tôi / My two-step verification */
        get: operations["getMyTotp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bắt đầu bật xác thực hai bước / Start two-step set-up
         * @description A new secret, shown once: as a QR code (SVG data URL) and as text to type in.
         */
        post: operations["enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xác nhận bật xác thực hai bước / Confirm two-step set-up
         * @description Checks a first code; returns 10 recovery codes, shown this once only.
         */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nhập mã xác thực khi đăng nhập / The code step of a login */
        post: operations["verifyTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/forget-devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Quên các thiết bị đã ghi nhớ / Forget remembered devices */
        post: operations["forgetTotpDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xác thực hai bước của người dùng / A user’s two-step verification */
        get: operations["getUserTotp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/totp/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Đặt lại xác thực hai bước / Reset a user’s two-step verification
         * @description Removes the secret, recovery codes and remembered devices; ends the user’s sessions.
         */
        post: operations["resetUserTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xem thông tin định danh (nêu lý do) / Open identity with a reason
         * @description National and province officers only: the reason is kept and audited; the identity stays open to them for BREAK_GLASS_MINUTES.
         */
        post: operations["breakGlass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Thông tin định danh / A person’s identity
         * @description Refused (403 break_glass_required) to a national or province officer without an open reason.
         */
        get: operations["getPersonIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lần xem thông tin định danh có lý do / Identity reads with a reason */
        get: operations["listBreakGlassReads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xem trước tệp người dùng / Preview a users sheet (multipart field "file")
         * @description Columns: username, name, role, unit (code or name), phone. Nothing is written.
         */
        post: operations["previewUsersImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/import/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tạo các tài khoản của tệp (một giao dịch) / Create the accounts of the sheet (one transaction)
         * @description Refused while any row has an error, unless skipErrors=true: then the valid rows are created and the rows in error skipped (listed in `skipped`). One-time passwords are returned once, also as CSV. The batch can be undone by its author within 7 days while none of its accounts has logged in.
         */
        post: operations["commitUsersImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lần nhập người dùng của tôi / My users imports (most recent first) */
        get: operations["listUsersImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hủy một lần nhập người dùng / Undo a users import (its author, 7 days, accounts never used) */
        post: operations["undoUsersImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Đơn vị hành chính / Administrative units */
        get: operations["listUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/resolve-legacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tra địa chỉ cũ (trước 01/07/2025) / Resolve a pre-July-2025 address */
        get: operations["resolveLegacyUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một đơn vị và lịch sử / A unit and its history */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/unit-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lần cập nhật đơn vị hành chính / Dated updates of units */
        get: operations["listUnitUpdates"];
        put?: never;
        /** Áp dụng thay đổi đơn vị hành chính có ngày hiệu lực / Apply a dated update of units */
        post: operations["applyUnitUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách cơ sở / Facilities */
        get: operations["listFacilities"];
        put?: never;
        /** Thêm cơ sở / Create a facility */
        post: operations["createFacility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem cơ sở / A facility */
        get: operations["getFacility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa cơ sở / Update a facility */
        patch: operations["updateFacility"];
        trace?: never;
    };
    "/api/facilities/{id}/licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm giấy phép hoạt động (cơ sở tư nhân) / Add an operating licence (private facility) */
        post: operations["addFacilityLicence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{id}/licences/{licenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa giấy phép hoạt động / Correct an operating licence */
        patch: operations["updateFacilityLicence"];
        trace?: never;
    };
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tìm kiếm hồ sơ / Search people */
        get: operations["searchPeople"];
        put?: never;
        /** Lập hồ sơ / Create a person */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất danh sách (xlsx, csv), cùng cột với tệp nhập / Export the list (xlsx, csv), import columns */
        get: operations["exportPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Phiếu tóm tắt hồ sơ (PDF, A4) / Printable person summary (PDF, A4) */
        get: operations["getPersonSummaryPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem hồ sơ / View a person */
        get: operations["getPerson"];
        /** Sửa hồ sơ / Update a person */
        put: operations["updatePerson"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/drug-tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lần xét nghiệm / Drug tests of a person */
        get: operations["listDrugTests"];
        put?: never;
        /** Ghi nhận xét nghiệm / Record a drug test */
        post: operations["createDrugTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/addiction-determinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kết quả xác định tình trạng nghiện / Addiction determinations */
        get: operations["listAddictionDeterminations"];
        put?: never;
        /** Ghi nhận xác định tình trạng nghiện (Mẫu 04) / Record an addiction determination */
        post: operations["createAddictionDetermination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/counselling-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các buổi tư vấn / Counselling sessions of a person */
        get: operations["listCounsellingSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/counselling-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi nhận buổi tư vấn / Record a counselling session */
        post: operations["createCounsellingSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/substance-declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Khai báo chất ma túy đã sử dụng và nguồn gốc / Declarations of substances used and their source */
        get: operations["listSubstanceDeclarations"];
        put?: never;
        /** Ghi nhận khai báo chất ma túy và nguồn gốc / Record a declaration of substances and source */
        post: operations["createSubstanceDeclaration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/substance-declarations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sửa khai báo (theo phiên bản) / Correct a declaration (versioned) */
        put: operations["updateSubstanceDeclaration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các giai đoạn quản lý, cai nghiện / Episodes of a person */
        get: operations["listPersonEpisodes"];
        put?: never;
        /**
         * Mở giai đoạn / Open an episode
         * @description Checked against the rules in force; planned end, regime and authority are computed.
         */
        post: operations["openEpisode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quá trình của một người / Timeline of a person */
        get: operations["getPersonTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chuyển hồ sơ sang xã khác / Transfer to another commune */
        post: operations["transferPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tiếp nhận hồ sơ chuyển đến / Receive a transferred record */
        post: operations["receiveTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem giai đoạn / View an episode */
        get: operations["getEpisode"];
        /** Sửa giai đoạn / Update an episode */
        put: operations["updateEpisode"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc giai đoạn / Close an episode with an outcome */
        post: operations["closeEpisode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 54) / Completion certificate */
        post: operations["issueEpisodeCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi nhận gặp gỡ, tiếp xúc / Record a contact */
        post: operations["recordEpisodeContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}/documents/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Văn bản của giai đoạn (DOCX, PDF) / Official document of an episode
         * @description file: <kind>.docx or <kind>.pdf, kind one of user-management-decision, post-rehab-decision, post-rehab-completion-certificate, family-commitment
         */
        get: operations["getEpisodeDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hẹn xét nghiệm hoặc gặp gỡ / Schedule a test or contact */
        post: operations["scheduleEpisodeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ghi nhận một quyết định cho nhiều người / Enter one decision naming several people
         * @description One episode per person, each checked like a single decision; all or nothing, a refusal names the person (personIds.i).
         */
        post: operations["createDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một quyết định và những người được nêu tên / A decision and the people it names */
        get: operations["getDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa số, người ký của quyết định / Correct the number or signer of a decision */
        patch: operations["updateDecision"];
        trace?: never;
    };
    "/api/people/{id}/monitoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Biện pháp giám sát điện tử của một người / Electronic monitoring measures of a person */
        get: operations["listMonitoring"];
        put?: never;
        /**
         * Ghi nhận quyết định áp dụng giám sát điện tử / Record an electronic monitoring measure
         * @description Law 120/2025/QH15 Art. 12: decided by the head of commune police for a person in community rehab, on substitution therapy or under post-rehab management; refused (422, rule cited) otherwise or before 01/07/2026.
         */
        post: operations["createMonitoring"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitoring/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem biện pháp giám sát điện tử / View a monitoring measure */
        get: operations["getMonitoring"];
        /** Sửa biện pháp giám sát điện tử / Correct a monitoring measure */
        put: operations["updateMonitoring"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitoring/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi nhận vi phạm, can thiệp thiết bị, hư hỏng, gỡ bỏ / Record a breach, tampering, fault or removal */
        post: operations["recordMonitoringEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc cần làm của tôi / My work list */
        get: operations["listMyTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nhật ký truy cập / Audit log
         * @description A province auditor reads the entries of its province's users and about its people and users.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tải lên danh sách để xem trước / Upload a list for preview (multipart field "file")
         * @description .xlsx, .xls or .csv up to 20 MB and 20,000 rows; nothing is written to the people registry until commit.
         */
        post: operations["uploadPeopleImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lô nhập của tôi, mới nhất trước / My import batches, the most recent first */
        get: operations["listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một lô nhập / An import batch */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi lô nhập (một giao dịch) / Commit the import (one transaction) */
        post: operations["commitImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hủy lô nhập (trong 7 ngày) / Undo the import (within 7 days) */
        post: operations["undoImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/errors.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tệp Excel các dòng lỗi / The rows in error as Excel */
        get: operations["getImportErrorsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lưu cách ghép cột cho tệp cùng mẫu / Save a column mapping for files of the same shape */
        post: operations["saveImportMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/regimes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các chế độ pháp lý và quy định / Legal regimes and their rules */
        get: operations["listLegalRegimes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quy định có hiệu lực vào một ngày / Rules in force on a date */
        get: operations["getLegalRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các thay đổi quy định / Rule overrides */
        get: operations["listRuleOverrides"];
        put?: never;
        /** Thay đổi một quy định từ một ngày / Override a rule from a date */
        post: operations["createRuleOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/overrides/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thu hồi thay đổi quy định / Revoke a rule override */
        post: operations["revokeRuleOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ngày nghỉ lễ, nghỉ bù và điều chỉnh trong năm / Holidays and adjustments of a year */
        get: operations["listHolidays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Điều chỉnh lịch nghỉ / Calendar adjustments */
        get: operations["listCalendarAdjustments"];
        put?: never;
        /** Thêm ngày nghỉ hoặc ngày làm bù / Add a day off or a make-up working day */
        post: operations["createCalendarAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/adjustments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Xoá điều chỉnh lịch nghỉ / Delete a calendar adjustment */
        delete: operations["deleteCalendarAdjustment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách hồ sơ đề nghị cai nghiện bắt buộc / List compulsory-rehab dossiers */
        get: operations["listDossiers"];
        put?: never;
        /** Lập hồ sơ đề nghị / Create a dossier */
        post: operations["createDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quy định áp dụng cho hồ sơ theo ngày / Dossier rules in force on a date */
        get: operations["getDossierRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem hồ sơ đề nghị / View a dossier */
        get: operations["getDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm người vào hồ sơ / Add a person */
        post: operations["addDossierPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/persons/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Bỏ người khỏi hồ sơ / Remove a person */
        delete: operations["removeDossierPerson"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách tài liệu / List documents */
        get: operations["listDossierDocuments"];
        put?: never;
        /**
         * Tải lên tài liệu (multipart, trường "file") / Upload a document (multipart field "file")
         * @description PDF, JPG, PNG or DOCX, at most 10 MB; personId and kind in the query string.
         */
        post: operations["uploadDossierDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tải xuống tài liệu / Download a document */
        get: operations["downloadDossierDocument"];
        put?: never;
        post?: never;
        /** Bỏ tài liệu khỏi hồ sơ / Remove a document */
        delete: operations["removeDossierDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/cover-list.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh mục tài liệu hồ sơ (DOCX/PDF) / Dossier cover list */
        get: operations["getDossierCoverList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thông báo cho người bị đề nghị và gia đình / Notify the person and family */
        post: operations["notifyDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/close-reading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hết thời hạn đọc hồ sơ / Reading period over */
        post: operations["closeDossierReading"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chuyển hồ sơ đến Tòa án / Submit to the court */
        post: operations["submitDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tòa án thụ lý / Court accepted */
        post: operations["acceptDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/hearing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lịch phiên họp / Hearing date */
        post: operations["setDossierHearing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Quyết định của Tòa án / Court decision */
        post: operations["recordDossierDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dossiers/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thi hành và tiếp nhận / Execution and admission */
        post: operations["executeDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/admissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tiếp nhận học viên / Admit a resident
         * @description On a voluntary contract, a compulsory order or pending management placing the person here.
         */
        post: operations["admitResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bảng theo dõi học viên / Residents board */
        get: operations["listResidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/residents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất bảng theo dõi học viên (xlsx, csv) / Export the residents board */
        get: operations["exportResidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/awaiting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chờ tiếp nhận / Awaiting admission
         * @description Open contracts, court orders and pending managements placing people here, whose person is not admitted.
         */
        get: operations["listAwaitingAdmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lớp học nghề / Vocational classes */
        get: operations["listFacilityClasses"];
        put?: never;
        /** Mở lớp học nghề / Open a vocational class */
        post: operations["openFacilityClass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/labour": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lao động trị liệu / Labour therapy */
        post: operations["recordLabour"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buổi tư vấn, giáo dục / Counselling or education session */
        post: operations["recordFacilitySession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tổ tự quản / Self-management group */
        post: operations["recordSelfManagementGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sổ theo dõi của cơ sở / Facility register
         * @description Never includes health records.
         */
        get: operations["listFacilityEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bảng tổng hợp của cơ sở / Facility dashboard */
        get: operations["getFacilityDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-ops/{facilityId}/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Số liệu năm của cơ sở / Yearly figures */
        get: operations["getFacilityFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ học viên tại cơ sở / A resident’s stay
         * @description Health records only for medical staff; others get their count.
         */
        get: operations["getAdmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chuyển giai đoạn / Move to the next stage */
        post: operations["moveAdmissionStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/bed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Bố trí khu, giường / Area and bed */
        put: operations["setAdmissionBed"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/residence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Không xác định được nơi cư trú / No known residence
         * @description Until the notice to the commune is sent; the release then hands over to the province.
         */
        put: operations["setAdmissionResidence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/term-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Giảm thời hạn, ra sớm, hoãn, tạm đình chỉ, bỏ trốn, trở lại / Term changes
         * @description Each moves the planned release under the rules in force; refusals cite the rule (422).
         */
        post: operations["recordTermChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/release-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thông báo cho xã trước khi ra cơ sở / Notice to the commune before release */
        post: operations["sendReleaseNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ra cơ sở, bàn giao về xã / Release and handover
         * @description Opens the post-rehab decision task at the receiving commune (the province when no residence is known).
         */
        post: operations["releaseResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/departure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rời cơ sở không hoàn thành / Departure without completion
         * @description After the episode was closed with its outcome; no handover, not counted as reintegrated.
         */
        post: operations["recordDeparture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thăm gặp / Family visit */
        post: operations["recordVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vụ việc / Incident */
        post: operations["recordIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Khen thưởng / Reward */
        post: operations["recordReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tư vấn việc làm, xuất khẩu lao động / Support service */
        post: operations["recordFacilitySupport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hồ sơ y tế / Health records (medical staff only) */
        get: operations["listHealthRecords"];
        put?: never;
        /** Hồ sơ y tế / Health record (medical staff only) */
        post: operations["recordHealth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-classes/{id}/learners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi danh học viên / Enrol learners */
        post: operations["enrolLearners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-classes/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Điểm danh / Attendance */
        post: operations["recordAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-classes/{id}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cấp chứng chỉ nghề / Completion certificate */
        post: operations["issueClassCertificates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions/{id}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sửa biên bản tiếp nhận / Correct the intake record */
        put: operations["correctIntake"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sửa bản ghi nhập nhầm / Correct a register event (health records: medical staff only) */
        put: operations["correctFacilityEvent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facility-events/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hủy bỏ bản ghi nhập nhầm / Void an event entered by mistake (kept in history, not counted) */
        post: operations["voidFacilityEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các đội tình nguyện / Volunteer teams */
        get: operations["listTeams"];
        put?: never;
        /** Thành lập đội CTXH tình nguyện / Create the volunteer team */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Đội tình nguyện và thành viên / A team and its members */
        get: operations["getTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa đội, chọn đội trưởng / Update a team, set its leader */
        patch: operations["updateTeam"];
        trace?: never;
    };
    "/api/community/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình nguyện viên / Volunteers */
        get: operations["listVolunteers"];
        put?: never;
        /** Thêm tình nguyện viên / Add a volunteer */
        post: operations["createVolunteer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/volunteers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình nguyện viên / A volunteer */
        get: operations["getVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa, cho nghỉ, gắn tài khoản / Update, deactivate, link an account */
        patch: operations["updateVolunteer"];
        trace?: never;
    };
    "/api/community/volunteer-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tài khoản tình nguyện viên của xã / Volunteer accounts of the commune */
        get: operations["listVolunteerAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Phân công / Assignments */
        get: operations["listAssignments"];
        put?: never;
        /** Phân công giúp đỡ / Assign a person to a volunteer */
        post: operations["createAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/assignments/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc phân công / End an assignment */
        post: operations["endAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/assignment-gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình nguyện viên chưa giúp đỡ ai / Volunteers without a person (gap list) */
        get: operations["listAssignmentGaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/volunteer-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xã có mô hình tình nguyện viên (theo ngày) / Communes with the volunteer model (on a date) */
        get: operations["listVolunteerModelCommunes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/volunteer-model/provinces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mô hình tình nguyện viên theo tỉnh / The volunteer model by province */
        get: operations["listVolunteerModelProvinces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/volunteer-model/rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiêu chí mô hình / The volunteer-model rule */
        get: operations["getVolunteerModelRule"];
        /** Đặt tiêu chí mô hình / Set the volunteer-model rule */
        put: operations["setVolunteerModelRule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/my-people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Người tôi giúp đỡ / My people (volunteer) */
        get: operations["listMyPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/my-people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Người tôi giúp đỡ / One of my people (volunteer) */
        get: operations["getMyPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/my-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc của tôi / My follow-ups (volunteer) */
        get: operations["listMyFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nhật ký liên hệ / Contact log */
        get: operations["listContacts"];
        put?: never;
        /** Ghi nhận liên hệ, hỗ trợ / Log a contact */
        post: operations["logContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hoạt động của đội / Team activities */
        get: operations["listActivities"];
        put?: never;
        /** Ghi hoạt động của đội / Record a team activity */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hoạt động / An activity */
        get: operations["getActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa hoạt động / Update an activity */
        patch: operations["updateActivity"];
        trace?: never;
    };
    "/api/community/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo hoạt động đội tình nguyện / Team report for a period */
        get: operations["getTeamReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/clubs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Câu lạc bộ / Clubs */
        get: operations["listClubs"];
        put?: never;
        /** Thành lập CLB / Create a club */
        post: operations["createClub"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/clubs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CLB, thành viên, sinh hoạt / A club, members, meetings */
        get: operations["getClub"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa CLB / Update a club */
        patch: operations["updateClub"];
        trace?: never;
    };
    "/api/community/clubs/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm thành viên / Add a member */
        post: operations["addClubMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/clubs/{id}/members/{memberId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thành viên rời CLB / A member leaves */
        post: operations["leaveClub"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/clubs/{id}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi buổi sinh hoạt / Record a meeting */
        post: operations["recordClubMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Đối tác / Partners */
        get: operations["listPartners"];
        put?: never;
        /** Thêm đối tác / Add a partner */
        post: operations["createPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Đối tác / A partner */
        get: operations["getPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa đối tác / Update a partner */
        patch: operations["updatePartner"];
        trace?: never;
    };
    "/api/community/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Giới thiệu dịch vụ / Referrals */
        get: operations["listReferrals"];
        put?: never;
        /** Giới thiệu dịch vụ / Refer a person */
        post: operations["createReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/referrals/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cập nhật trạng thái, kết quả / Move a referral, record its result */
        post: operations["moveReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tập huấn / Trainings */
        get: operations["listTrainings"];
        put?: never;
        /** Ghi lớp tập huấn / Record a training */
        post: operations["createTraining"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/training-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cán bộ có thể ghi tham dự tập huấn / Staff who may attend a training */
        get: operations["listTrainingStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/community/training-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tỷ lệ cán bộ, tình nguyện viên được tập huấn / Share trained */
        get: operations["getTrainingShare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hỗ trợ đã nhận / Support a person received */
        get: operations["getPersonSupport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh mục chỉ tiêu và khối dữ liệu / Indicator catalogue and building blocks */
        get: operations["listIndicators"];
        put?: never;
        /** Thêm chỉ tiêu từ các khối dữ liệu / Add an indicator from the blocks */
        post: operations["createIndicator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{id}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Giá trị chỉ tiêu của một đơn vị trong kỳ / An indicator for a unit and period */
        get: operations["getIndicatorValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách bản ghi tạo nên số liệu / The records behind a figure */
        get: operations["listIndicatorRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{id}/records/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất danh sách bản ghi tạo nên số liệu (xlsx, csv) / Export the records behind a figure */
        get: operations["exportIndicatorRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{id}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diễn biến chỉ tiêu qua các kỳ trong năm / An indicator over the periods of a year */
        get: operations["getIndicatorTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bảng số liệu của đơn vị / Dashboard figures of a unit */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách báo cáo định kỳ / Periodic reports */
        get: operations["listReports"];
        put?: never;
        /** Lập báo cáo định kỳ / Create a periodic report */
        post: operations["createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình hình gửi báo cáo của các đơn vị / Which units have reported */
        get: operations["listReportSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xem báo cáo / View a report */
        get: operations["getReport"];
        /** Sửa phần thuyết minh / Edit the narrative */
        put: operations["updateReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gửi báo cáo / Submit */
        post: operations["submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trả lại kèm ý kiến / Return with comments */
        post: operations["returnReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Duyệt báo cáo / Approve */
        post: operations["approveReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất báo cáo (xlsx, pdf, docx, json, csv, adx) / Export a report */
        get: operations["exportReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting-cutoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ngày chốt số liệu báo cáo (cài đặt quốc gia) / The national reporting cut-off day */
        get: operations["getReportingCutoff"];
        put?: never;
        /** Thay đổi ngày chốt số liệu từ một ngày / Change the cut-off day from a date */
        post: operations["setReportingCutoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drug-free-communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xã, phường được công nhận không ma túy / Communes recognised as drug-free */
        get: operations["listDrugFreeCommunes"];
        put?: never;
        /** Ghi nhận quyết định công nhận xã không ma túy / Record a drug-free recognition */
        post: operations["recogniseDrugFreeCommune"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drug-free-communes/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thu hồi công nhận / Revoke a recognition */
        post: operations["revokeDrugFreeCommune"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Khu vực của tỉnh / Areas of a province */
        get: operations["listAreas"];
        put?: never;
        /** Tạo khu vực / Create an area */
        post: operations["createArea"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/legacy-districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Huyện cũ (trước 01/07/2025) và các xã hiện nay / Old districts and their current communes */
        get: operations["listLegacyDistricts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một khu vực / One area */
        get: operations["getArea"];
        /** Sửa khu vực / Edit an area */
        put: operations["updateArea"];
        post?: never;
        /** Xoá khu vực / Delete an area */
        delete: operations["deleteArea"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/job-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các lần chạy công việc nền / Background job runs
         * @description Every run of a background job on any server of this database, newest first: which server ran it, when, and how it ended. System administrators and national officers.
         */
        get: operations["listJobRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddictionDetermination: {
            id: string;
            personId: string;
            assessedOn: string;
            observations: {
                criterion: string;
                from: string;
                to?: string;
            }[];
            addicted: boolean;
            reason: {
                vi: string;
                en: string;
                code: string;
            };
            criteriaMet: string[];
            regimeId: string;
            doctor: {
                name: string;
                certificate: string | null;
            };
            facilityName: string;
            facilityLicence: string | null;
            /** @enum {string|null} */
            conclusion: "addicted" | "not_addicted" | null;
            criteriaCheck: {
                addicted: boolean;
                agrees: boolean;
            } | null;
            warning?: {
                vi: string;
                en: string;
                code: string;
            };
            form04Number: string | null;
            substances: string[];
            hivStatus?: string;
            notes: string | null;
            createdAt: string;
        };
        Admission: {
            id: string;
            facilityId: string;
            personId: string;
            fullName: string;
            episodeId: string;
            currentEpisodeId: string;
            basis: string;
            admittedOn: string;
            recordNumber: string | null;
            classification: string;
            belongings: {
                item: string;
                quantity: number;
                note?: string;
            }[];
            rapidTest: {
                testedOn: string;
                result: string;
                substances: string[];
            };
            area: string | null;
            bed: string | null;
            noKnownResidence: boolean;
            stage: number;
            stages: components["schemas"]["ResidentStage"][];
            term: components["schemas"]["ResidentTerm"];
            absence: {
                kind: string;
                from: string;
            } | null;
            notice: {
                noticeOn: string;
                communeCode: string | null;
                communeChairman: string;
                communePolice: string;
                summary: string;
                recommendations: string;
                late: boolean;
            } | null;
            releasedOn: string | null;
            release: {
                certificate: {
                    number: string;
                    issuedOn: string;
                    signer: string;
                };
                handedTo: {
                    kind: string;
                    code: string;
                };
                flaggedForProvince: boolean;
                taskId: string | null;
                decisionDueDate: string | null;
            } | null;
            events: components["schemas"]["FacilityEvent"][];
            healthRecordCount: number;
            healthRecords?: components["schemas"]["HealthRecord"][];
            version: number;
        };
        Area: {
            id: string;
            unit: string;
            provinceCode: string;
            name: string;
            legacyDistrict: string | null;
            notes: string | null;
            communes: {
                code: string;
                name: string;
            }[];
            version: number;
            updatedAt: string;
        };
        Assignment: {
            id: string;
            volunteerId: string;
            volunteerName: string | null;
            organisation: string | null;
            personId: string;
            personName: string | null;
            communeCode: string;
            startedOn: string;
            endedOn: string | null;
            endReason: string | null;
            active: boolean;
            version: number;
        };
        BlockRef: {
            block: string;
            params?: {
                [key: string]: string;
            };
        };
        CalendarAdjustment: {
            id: string;
            date: string;
            /** @enum {string} */
            kind: "day_off" | "working_day";
            reason: string;
            createdBy: string | null;
            createdAt: string;
        };
        Club: {
            id: string;
            communeCode: string;
            provinceCode: string;
            name: string;
            foundedOn: string;
            active: boolean;
            notes: string | null;
            memberCounts: {
                person: number;
                family: number;
                collaborator: number;
            };
            version: number;
            members?: {
                id: string;
                kind: string;
                personId: string | null;
                name: string | null;
                phone: string | null;
                relation: string | null;
                joinedOn: string;
                leftOn: string | null;
            }[];
            meetings?: {
                id: string;
                heldOn: string;
                kind: string;
                topic: string;
                place: string | null;
                guests: number;
                note: string | null;
                attendeeMemberIds: string[];
                attendance: number;
            }[];
        };
        CommunityContact: {
            id: string;
            personId: string;
            personName: string | null;
            contactDate: string;
            kind: string;
            label: {
                vi: string;
                en: string;
            };
            outcome: string;
            service: string | null;
            note: string | null;
            nextContactDate: string | null;
            taskId: string | null;
            volunteerId: string | null;
            volunteerName: string | null;
            byUserId: string;
            byName: string | null;
            byRole: string;
            createdAt: string;
        };
        CounsellingSession: {
            id: string;
            kind: string;
            heldOn: string;
            topic: string;
            counsellor: string;
            participantCount: number;
            unit: {
                kind: string;
                code: string;
            };
            notes: string | null;
            createdAt: string;
        };
        Decision: {
            id: string;
            kind: string;
            kindLabel: {
                vi: string;
                en: string;
            };
            number: string | null;
            date: string;
            signer: string | null;
            issuingUnit: {
                kind: string;
                code: string;
                name: string | null;
            };
            authority: string;
            authorityLabel: {
                vi: string;
                en: string;
            };
            regimeId: string;
            basis: {
                vi: string;
                en: string;
            }[];
            version: number;
            people: {
                personId: string;
                episodeId: string;
                fullName: string;
            }[];
        };
        /** @enum {string} */
        Disaggregation: "sex" | "age_group" | "unit" | "substance" | "legal_basis";
        Dossier: {
            id: string;
            status: string;
            statusLabel: {
                vi: string;
                en: string;
            };
            communeCode: string;
            communeName: string | null;
            provinceCode: string;
            regimeId: string;
            preparer: {
                authority: string;
                label: {
                    vi: string;
                    en: string;
                };
            };
            preparedOn: string;
            notifiedOn: string | null;
            readingPeriod: {
                workingDays: number;
                endsOn: string;
                verify: boolean;
                basis: {
                    vi: string;
                    en: string;
                }[];
            } | null;
            readingClosedOn: string | null;
            submittedOn: string | null;
            submissionNumber: string | null;
            court: {
                authority: string;
                label: {
                    vi: string;
                    en: string;
                };
                name: string | null;
            } | null;
            acceptedOn: string | null;
            courtCaseNumber: string | null;
            hearingDate: string | null;
            hearingPlace: string | null;
            decidedOn: string | null;
            executedOn: string | null;
            notes: string | null;
            persons: components["schemas"]["DossierPerson"][];
            checklist: {
                verify: boolean;
                basis: {
                    vi: string;
                    en: string;
                }[];
                items: {
                    kind: string;
                    required: boolean;
                    label: {
                        vi: string;
                        en: string;
                    };
                }[];
                missing: {
                    personId: string;
                    kind: string;
                }[];
            };
            documents: components["schemas"]["DossierDocument"][];
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        DossierDocument: {
            id: string;
            personId: string;
            kind: string;
            kindLabel: {
                vi: string;
                en: string;
            };
            originalName: string;
            mimeType: string;
            size: number;
            sha256: string;
            note: string | null;
            uploadedAt: string;
            uploadedBy: string | null;
        };
        DossierPerson: {
            personId: string;
            fullName: string;
            birthYear: number;
            birthDate?: string;
            ground: string;
            groundLabel: {
                vi: string;
                en: string;
            };
            groundNote: string | null;
            /** @description The person’s recorded episodes prove this ground */
            groundInHistory: boolean;
            status: string;
            outcome: string | null;
            termMonths: number | null;
            decisionNumber: string | null;
            decisionDate: string | null;
            decisionSigner: string | null;
            postponedUntil: string | null;
            outcomeNote: string | null;
            executedOn: string | null;
            admittedOn: string | null;
            facilityId: string | null;
            episodeId: string | null;
        };
        DossierSummary: {
            id: string;
            status: string;
            statusLabel: {
                vi: string;
                en: string;
            };
            communeCode: string;
            provinceCode: string;
            preparedOn: string;
            hearingDate: string | null;
            persons: {
                personId: string;
                fullName: string;
                status: string;
            }[];
            version: number;
            updatedAt: string;
        };
        DrugFreeCommune: {
            id: string;
            communeCode: string;
            communeName: string | null;
            provinceCode: string;
            recognisedOn: string;
            decisionNumber: string;
            decidedBy: string;
            validUntil: string | null;
            revokedOn: string | null;
            revokeReason: string | null;
            notes: string | null;
            status: string;
            version: number;
        };
        DrugTest: {
            id: string;
            personId: string;
            testedOn: string;
            method: string;
            results: {
                substance: string;
                otherName?: string;
                result: string;
            }[];
            positive: boolean;
            reason: string;
            performedBy: string;
            unit: {
                kind: string;
                code: string;
            };
            relapse: boolean;
            duringEpisodeType: string | null;
            regimeId: string | null;
            /** @description Inside the Criminal Code Art. 256a window (legal class) */
            criminalWindow?: boolean;
            /** @description Which Criminal Code Art. 256a situation applied on the test date (legal class) */
            criminalCase?: {
                case: string;
                /** @description The letter of the case in Art. 256a(1) as reported (a–d) */
                point: string;
                label: {
                    vi: string;
                    en: string;
                };
                episodeId: string;
                episodeType: string;
                episodeLabel: {
                    vi: string;
                    en: string;
                };
                from: string;
                to: string | null;
                basis: {
                    vi: string;
                    en: string;
                }[];
            } | null;
            notes: string | null;
            createdAt: string;
        };
        Episode: {
            id: string;
            personId: string;
            type: string;
            typeLabel: {
                vi: string;
                en: string;
            };
            regimeId: string;
            authority: string;
            authorityLabel: {
                vi: string;
                en: string;
            };
            decision: {
                number: string | null;
                date: string | null;
                signer: string | null;
                body: string | null;
            } | null;
            documentNumber: string | null;
            startDate: string;
            termStart: string | null;
            termMonths: number | null;
            plannedEnd: string | null;
            actualEnd: string | null;
            outcome: string | null;
            outcomeLabel: {
                vi: string;
                en: string;
            } | null;
            outcomeReason: string | null;
            active: boolean;
            facilityId: string | null;
            responsibleUnit: {
                kind: string;
                code: string;
            };
            managerIds: string[];
            details: {
                [key: string]: unknown;
            };
            subsidyEligible?: boolean;
            certificate: {
                number: string | null;
                date: string;
            } | null;
            notes: string | null;
            contacts?: components["schemas"]["EpisodeContact"][];
            transition?: {
                termRegime: string;
                actsRegime: string;
                reason: {
                    vi: string;
                    en: string;
                };
                basis: {
                    vi: string;
                    en: string;
                }[];
                verify: boolean;
            };
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        EpisodeContact: {
            id: string;
            episodeId: string;
            contactDate: string;
            method: string;
            summary: string;
            byName: string;
            createdAt: string;
        };
        Facility: {
            id: string;
            name: string;
            kind: string;
            provinceCode: string;
            provinceName: string | null;
            communeCode: string | null;
            communeName: string | null;
            address: string | null;
            phone: string | null;
            active: boolean;
            /** @description Operating licences, latest issued first (private facilities) */
            licences: components["schemas"]["FacilityLicence"][];
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        FacilityEvent: {
            id: string;
            admissionId: string | null;
            kind: string;
            subkind: string | null;
            occurredOn: string;
            data: {
                [key: string]: unknown;
            };
            createdAt: string;
            version: number;
            updatedAt?: string;
            voided?: {
                at: string;
                reason: string;
            };
        };
        FacilityLicence: {
            id: string;
            number: string;
            issuedOn: string;
            issuer: string;
            issuerRole: string | null;
            scope: string;
            validUntil: string;
            version: number;
        };
        Figure: {
            indicatorId: string;
            vi: string;
            en: string;
            /** @enum {string} */
            kind: "count" | "ratio";
            section: string;
            value: number | null;
            numerator: number | null;
            denominator: number | null;
            target?: components["schemas"]["FigureTarget"] | null;
            meetsTarget: boolean | null;
            pending: boolean;
        };
        /** @enum {string} */
        FigureGrouping: "period" | "today";
        FigureTarget: {
            /** @enum {string} */
            op: "gte" | "lte";
            value: number;
            by?: string;
            source: {
                vi: string;
                en: string;
            };
        };
        FigureUnit: {
            /** @enum {string} */
            kind: "province" | "commune" | "nation" | "facility" | "area";
            code: string;
            name: string;
        };
        HealthRecord: {
            id: string;
            admissionId: string | null;
            kind: string;
            occurredOn: string;
            performedBy: string;
            diagnosis: string | null;
            medicalNotes: string | null;
            treatmentPlan: string | null;
            hospital: string | null;
            disease: string | null;
            testResult: string | null;
            version: number;
            updatedAt?: string;
            voided?: {
                at: string;
                reason: string;
            };
        };
        ImportBatch: {
            id: string;
            /** @enum {string} */
            status: "preview" | "committed" | "undone";
            fileName: string;
            target: {
                /** @enum {string} */
                kind: "province" | "commune";
                code: string;
            };
            createdAt: string;
            committedAt: string | null;
            undoneAt: string | null;
            labels: unknown;
            mapping: ("stt" | "fullName" | "otherNames" | "sex" | "sexMale" | "sexFemale" | "birth" | "birthMale" | "birthFemale" | "idNumber" | "ethnicity" | "occupation" | "permanentAddress" | "currentAddress" | "commune" | "drug" | "useStatus" | "detectedOn" | "pathway" | "period" | "from" | "to" | "note" | null)[];
            summary: {
                rows: number;
                created: number;
                merged: number;
                skipped: number;
                errors: {
                    row: number;
                    column: string;
                    rule: string;
                    message: string;
                    messageEn: string;
                }[];
                unresolved: {
                    oldCommuneCode: string;
                    oldCommuneName: string;
                    rows: number;
                    candidates: {
                        code: string;
                        name: string;
                    }[];
                }[];
            };
            rows: {
                row: number;
                /** @enum {string} */
                result: "error" | "new" | "existing" | "possible_duplicate" | "duplicate_in_file";
                /** @enum {string|null} */
                action: "created" | "merged" | "skipped" | null;
                fullName: string;
                birthYear: number | null;
                /** @enum {string|null} */
                sex: "male" | "female" | null;
                citizenId: string | null;
                address: string | null;
                oldCommune: {
                    code: string;
                    name: string;
                    district: string;
                    province: string;
                } | null;
                communeCode: string | null;
                candidates: string[];
                duplicateOfRow: number | null;
                existing: {
                    id: string;
                    fullName: string;
                } | null;
                errors: {
                    row: number;
                    column: string;
                    rule: string;
                    message: string;
                    messageEn: string;
                }[];
            }[];
        };
        Indicator: {
            denominator: components["schemas"]["BlockRef"] | null;
            target: components["schemas"]["FigureTarget"] | null;
            custom: boolean;
            computable: boolean;
            id: string;
            vi: string;
            en: string;
            /** @enum {string} */
            kind: "count" | "ratio";
            numerator: components["schemas"]["BlockRef"];
            readonly disaggregations: components["schemas"]["Disaggregation"][];
            source: {
                vi: string;
                en: string;
            };
            definition?: {
                vi: string;
                en: string;
            };
            /** @enum {string} */
            section: "people" | "dossiers" | "facility" | "community" | "pathways" | "post_rehab" | "targets";
        };
        Me: {
            user: components["schemas"]["User"];
            csrfToken: string;
            abilities: {
                actions: string[];
                readableClasses: string[];
            };
            /**
             * @description ok, or what is still due before anything else: a TOTP code, or setting TOTP up (issue 16)
             * @enum {string}
             */
            secondFactor: "ok" | "code" | "enrol";
        };
        /** @description Một thông điệp bằng tiếng Việt và tiếng Anh / A message in Vietnamese and English */
        Messages: {
            vi: string;
            en: string;
        };
        MonitoringEvent: {
            id: string;
            kind: string;
            label: {
                vi: string;
                en: string;
            };
            occurredOn: string;
            description: string | null;
            recordedAt: string;
            recordedBy: string | null;
            version: number;
        };
        MonitoringMeasure: {
            id: string;
            personId: string;
            episode: {
                id: string;
                type: string;
                label: {
                    vi: string;
                    en: string;
                };
            };
            communeCode: string;
            decision: {
                number: string;
                date: string;
                signer: string | null;
            };
            authority: {
                id: string;
                label: {
                    vi: string;
                    en: string;
                };
            };
            regimeId: string;
            /** @description Legal basis of the rule in force on the decision date */
            basis: {
                vi: string;
                en: string;
            }[];
            startDate: string;
            plannedEnd: string;
            /** @description Last day of the situation the measure rests on (the qualifying episode); null while open */
            basisEndsOn: string | null;
            actualEnd: string | null;
            means: string;
            meansLabel: {
                vi: string;
                en: string;
            };
            meansOther: string | null;
            /** @enum {string} */
            status: "active" | "end_due" | "ended";
            notes: string | null;
            events: components["schemas"]["MonitoringEvent"][];
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        Partner: {
            id: string;
            kind: string;
            name: string;
            provinceCode: string;
            communeCode: string | null;
            address: string | null;
            phone: string | null;
            services: string | null;
            active: boolean;
            version: number;
        };
        PeriodicReport: {
            id: string;
            unit: {
                provinceName?: string;
                /** @enum {string} */
                kind: "province" | "commune" | "nation" | "facility" | "area";
                code: string;
                name: string;
                provinceCode: string | null;
            };
            /** @enum {string} */
            periodKind: "month" | "quarter" | "half_year" | "nine_months" | "year";
            year: number;
            index: number;
            cutoffDay: number;
            label: {
                vi: string;
                en: string;
            };
            from: string;
            to: string;
            grouping: components["schemas"]["FigureGrouping"];
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "approved";
            narrative: {
                summary?: string;
                difficulties?: string;
                directions?: string;
                proposals?: string;
            };
            reviewComment: string | null;
            submittedAt: string | null;
            reviewedAt: string | null;
            frozen: boolean;
            frozenAt: string | null;
            figures: components["schemas"]["Figure"][];
            children: {
                code: string;
                name: string;
                values: {
                    indicatorId: string;
                    value: number | null;
                }[];
            }[];
            currentFigures: components["schemas"]["Figure"][] | null;
            differences: {
                indicatorId: string;
                frozen: number | null;
                current: number | null;
            }[];
            version: number;
        };
        Person: {
            id: string;
            fullName: string;
            /** @enum {string} */
            sex: "male" | "female";
            birthYear: number;
            status: string;
            currentAddress: {
                communeCode: string;
                communeName: string | null;
                provinceCode: string;
                provinceName: string | null;
                detail?: string;
            };
            version: number;
            createdAt: string;
            updatedAt: string;
            phone?: string;
            otherNames?: string[];
            birthDate?: string;
            citizenId?: string;
            ethnicity?: string;
            occupation?: string;
            permanentAddress?: {
                communeCode: string;
                communeName: string | null;
                detail?: string;
            };
            familyContacts?: {
                name: string;
                relation: string;
                phone?: string;
            }[];
            /** @description Identity and contact fields left out: reading them needs a stated reason (break the glass) */
            identityHidden?: boolean;
            /** @description A stated reason opened them until this time */
            identityOpenUntil?: string;
        };
        /** @description Lỗi / An error (application/problem+json) */
        Problem: {
            /** @description urn:hoanhap:error:<code> */
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable code, e.g. validation_failed, stale_version */
            code: string;
            detail: string;
            messages: components["schemas"]["Messages"];
            errors: {
                /** @description The field the rule applies to, e.g. birthDate or (body) */
                field: string;
                rule: string;
                message: string;
                messages: components["schemas"]["Messages"];
            }[];
        } & {
            [key: string]: unknown;
        };
        Referral: {
            id: string;
            personId: string;
            personName: string | null;
            partnerId: string | null;
            partnerName: string | null;
            partnerKind: string | null;
            service: string;
            status: string;
            referredOn: string;
            statusOn: string;
            result: {
                employerName: string | null;
                jobStartDate: string | null;
                loanAmount: number | null;
                loanPurpose: string | null;
                courseName: string | null;
                courseCompletedOn: string | null;
            };
            note: string | null;
            version: number;
        };
        ReportingCutoff: {
            today: string;
            day: number;
            effectiveFrom: string | null;
            default: {
                /** @enum {number} */
                day: 15;
                basis: {
                    instrument: {
                        vi: string;
                        en: string;
                    };
                    article: string;
                };
                verify: boolean;
            };
            history: {
                id: string;
                day: number;
                effectiveFrom: string;
                reason: string;
                createdAt: string;
                createdBy: string | null;
                inForce: boolean;
            }[];
            version: number;
        };
        ResidentStage: {
            stage: number;
            label: {
                vi: string;
                en: string;
            };
            beganOn: string;
            endedOn: string | null;
            approvedBy: string;
        };
        ResidentTerm: {
            termStart: string;
            decidedEnd: string | null;
            termDays: number | null;
            plannedRelease: string | null;
            daysServed: number;
            daysRemaining: number | null;
            uncountedDays: number;
            reductionDays: number;
            earlyReleaseOn: string | null;
        };
        RuleOverride: {
            id: string;
            ruleKey: string;
            ruleLabel: {
                vi: string;
                en: string;
            };
            value: number | boolean | string | (null) | {
                [key: string]: number;
            };
            changesValue: boolean;
            authority: {
                id: string;
                name: {
                    vi: string;
                    en: string;
                };
            } | null;
            effectiveFrom: string;
            regimeId: string | null;
            reason: string;
            basis: {
                instrument: {
                    vi: string;
                    en: string;
                };
                article?: string;
                clause?: string;
                chapter?: string;
                citation: {
                    vi: string;
                    en: string;
                };
            };
            /** @enum {string} */
            status: "active" | "revoked";
            createdBy: string | null;
            createdAt: string;
            revokedAt: string | null;
            revokedBy: string | null;
            revokeReason: string | null;
            version: number;
        };
        SubstanceDeclaration: {
            id: string;
            personId: string;
            declaredOn: string;
            substances: string[];
            otherSubstance: string | null;
            source: string;
            notes: string | null;
            regimeId: string | null;
            /** @description Whether the law required the declaration on its date */
            required: boolean;
            /** @description Legal basis cited (empty before the rule was in force) */
            basis: {
                vi: string;
                en: string;
            }[];
            unit: {
                kind: string;
                code: string;
            };
            recordedBy: {
                id: string | null;
                name: string | null;
            };
            recordedAt: string;
            updatedBy: {
                id: string | null;
                name: string | null;
            };
            updatedAt: string;
            version: number;
        };
        Task: {
            id: string;
            kind: string;
            label: {
                vi: string;
                en: string;
            };
            personId: string;
            personName?: string;
            episodeId: string | null;
            responsibleRole: string;
            unit: {
                kind: string;
                code: string;
            };
            assigneeUserId: string | null;
            dueDate: string;
            dueAt: string | null;
            ruleKey: string | null;
            status: string;
            /** @enum {string|null} */
            timing: "overdue" | "today" | "upcoming" | null;
            closedAt: string | null;
            closedBy: {
                type: string;
                id: string | null;
            } | null;
            source: {
                type: string;
                id: string | null;
            };
            createdAt: string;
        };
        Team: {
            id: string;
            communeCode: string;
            communeName: string | null;
            provinceCode: string;
            name: string;
            leaderVolunteerId: string | null;
            establishedOn: string;
            notes: string | null;
            severalReason?: string | null;
            activeVolunteers: number;
            volunteersWithPeople: number;
            hasVolunteerModel: boolean;
            members: components["schemas"]["Volunteer"][];
            version: number;
        };
        TeamActivity: {
            id: string;
            teamId: string;
            communeCode: string;
            kind: string;
            heldOn: string;
            place: string;
            title: string | null;
            participants: number;
            participantVolunteerIds: string[];
            peopleReached: number;
            commitmentsSigned: number;
            persuadedIntoRehab: number;
            persuadedPersonIds: string[];
            note: string | null;
            version: number;
        };
        Timeline: {
            personId: string;
            status: string;
            items: {
                date: string;
                /** @enum {string} */
                kind: "decision" | "episode_start" | "drug_test" | "relapse" | "determination" | "counselling" | "contact" | "transfer" | "monitoring" | "monitoring_event" | "episode_end" | "certificate";
                id: string;
                episodeId: string | null;
                title: {
                    vi: string;
                    en: string;
                };
                data: {
                    [key: string]: unknown;
                };
            }[];
        };
        Training: {
            id: string;
            course: string;
            heldOn: string;
            organiser: string | null;
            hours: number | null;
            provinceCode: string;
            communeCode: string | null;
            attendees: {
                kind: string;
                userId: string | null;
                volunteerId: string | null;
                name: string | null;
            }[];
            version: number;
        };
        Transfer: {
            id: string;
            personId: string;
            from: {
                communeCode: string;
                provinceCode: string;
            };
            to: {
                communeCode: string;
                provinceCode: string;
            };
            movedOn: string;
            reason: string | null;
            regimeId: string;
            handoverDueAt: string | null;
            receivedAt: string | null;
            createdAt: string;
        };
        Unit: {
            code: string;
            name: string;
            type: string;
            level: string;
            provinceCode: string | null;
        };
        User: {
            id: string;
            username: string;
            fullName: string;
            /** @enum {string} */
            role: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor";
            /** @enum {string} */
            scopeKind: "nation" | "province" | "commune" | "facility";
            scopeCode: string | null;
            scopeName: string | null;
            active: boolean;
            mustChangePassword: boolean;
            /**
             * @description Failed-login lock: a growing wait, or a lock only an administrator lifts
             * @enum {string|null}
             */
            loginLock: "temporary" | "admin" | null;
            lockedUntil: string | null;
            phone: string | null;
            version: number;
        };
        VocationalClass: {
            id: string;
            facilityId: string;
            trade: string;
            teacher: string;
            startsOn: string;
            endsOn: string;
            learners: {
                admissionId: string;
                enrolledOn: string;
                certificateNumber: string | null;
                certificateDate: string | null;
            }[];
            version: number;
        };
        Volunteer: {
            id: string;
            teamId: string;
            communeCode: string;
            fullName: string;
            sex: string | null;
            birthYear: number | null;
            phone: string | null;
            organisation: string;
            organisationDetail: string | null;
            userId: string | null;
            joinedOn: string;
            active: boolean;
            leftOn: string | null;
            notes: string | null;
            isLeader: boolean;
            assignedPeople: number;
            version: number;
        };
    };
    responses: {
        /** @description Dữ liệu không hợp lệ / Invalid input (the fields and rules are in `errors`) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Chưa đăng nhập / Not logged in */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Không có quyền, thiếu mã CSRF hoặc bước xác thực / Not allowed, missing CSRF token or second factor */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Không tìm thấy / Not found */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Xung đột: bản ghi đã đổi hoặc yêu cầu đang xử lý / Conflict: stale version or request in progress */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Quá lớn / Too large */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Kiểu nội dung không được hỗ trợ / Unsupported media type */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Không thực hiện được theo quy tắc / Refused by a rule */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Tài khoản bị khóa / Account locked */
        Locked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Quá nhiều yêu cầu / Too many requests */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @enum {string} */
                        database: "sqlite" | "postgres";
                        version: string;
                    };
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            423: components["responses"]["Locked"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            current: boolean;
                            createdAt: string;
                            lastSeenAt: string;
                            ip: string | null;
                            browser: string | null;
                            os: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    endMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    fullName: string;
                    /** @enum {string} */
                    role: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor";
                    /** @enum {string} */
                    scopeKind: "nation" | "province" | "commune" | "facility";
                    scopeCode?: string | null;
                    /** @description When absent, a random password is generated and returned once */
                    password?: string;
                    /** @description A Vietnamese phone number (mobile or fixed line) */
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        initialPassword?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName?: string;
                    /**
                     * @description A new role (checked against the unit, new or kept; dated today)
                     * @enum {string}
                     */
                    role?: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor";
                    active?: boolean;
                    /**
                     * @description A new unit for the account (its move is dated today)
                     * @enum {string}
                     */
                    scopeKind?: "nation" | "province" | "commune" | "facility";
                    scopeCode?: string | null;
                    /** @description A Vietnamese phone number; '' or null removes it */
                    phone?: string | null;
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        initialPassword: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    endUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ended: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getFirstSteps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scope: {
                            kind: string;
                            code: string | null;
                        };
                        steps: {
                            done: boolean;
                            key: string;
                            count: number;
                            canAct: boolean;
                        }[];
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getMyTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enrolled: boolean;
                        required: boolean;
                        recoveryCodesLeft: number;
                        rememberedDevices: number;
                        rememberDeviceDays: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        uri: string;
                        qrDataUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recoveryCodes: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    verifyTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    recoveryCode?: string;
                    /** @default false */
                    rememberDevice?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        csrfToken: string;
                        abilities: {
                            actions: string[];
                            readableClasses: string[];
                        };
                        /**
                         * @description ok, or what is still due before anything else: a TOTP code, or setting TOTP up (issue 16)
                         * @enum {string}
                         */
                        secondFactor: "ok" | "code" | "enrol";
                        recoveryCodesLeft?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    forgetTotpDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getUserTotp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enrolled: boolean;
                        required: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    resetUserTotp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    breakGlass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: components["schemas"]["Person"];
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getPersonIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listBreakGlassReads: {
        parameters: {
            query?: {
                username?: string;
                from?: string;
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: {
                            id: string;
                            userId: string;
                            username: string;
                            role: string;
                            personId: string;
                            personName: string | null;
                            provinceCode: string;
                            reason: string;
                            ip: string | null;
                            grantedAt: string;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    previewUsersImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            row: number;
                            /** @enum {string} */
                            status: "error" | "ok";
                            username: string;
                            fullName: string;
                            /** @enum {string|null} */
                            role: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor" | null;
                            /** @enum {string|null} */
                            scopeKind: "province" | "commune" | "nation" | "facility" | null;
                            scopeCode: string | null;
                            unitName: string | null;
                            phone: string | null;
                            errors: {
                                row: number;
                                column: string;
                                rule: string;
                                message: string;
                                messageEn: string;
                            }[];
                        }[];
                        summary: {
                            total: number;
                            ok: number;
                            errors: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    commitUsersImport: {
        parameters: {
            query?: {
                /** @description Create the valid rows and skip the rows in error */
                skipErrors?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchId: string;
                        summary: {
                            total: number;
                            created: number;
                            skipped: number;
                        };
                        skipped: {
                            row: number;
                            /** @enum {string} */
                            status: "error" | "ok";
                            username: string;
                            fullName: string;
                            /** @enum {string|null} */
                            role: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor" | null;
                            /** @enum {string|null} */
                            scopeKind: "province" | "commune" | "nation" | "facility" | null;
                            scopeCode: string | null;
                            unitName: string | null;
                            phone: string | null;
                            errors: {
                                row: number;
                                column: string;
                                rule: string;
                                message: string;
                                messageEn: string;
                            }[];
                        }[];
                        created: {
                            row: number;
                            id: string;
                            username: string;
                            fullName: string;
                            /** @enum {string} */
                            role: "system_admin" | "national_officer" | "province_officer" | "commune_officer" | "commune_police" | "facility_staff" | "facility_medical" | "volunteer" | "auditor";
                            unitName: string | null;
                            phone: string | null;
                            initialPassword: string;
                        }[];
                        passwordsCsv: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listUsersImports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: number;
                        pageSize: number;
                        total: number;
                        items: {
                            id: string;
                            fileName: string;
                            /** @enum {string} */
                            status: "committed" | "undone";
                            createdAt: string;
                            undoneAt: string | null;
                            undoUntil: string | null;
                            total: number;
                            created: number;
                            skipped: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    undoUsersImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listUnits: {
        parameters: {
            query?: {
                level?: "province" | "commune";
                provinceCode?: string;
                q?: string;
                limit?: number;
                /** @description Units in force on this date (history); default: now */
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Unit"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    resolveLegacyUnit: {
        parameters: {
            query: {
                /** @description Old province name */
                province?: string;
                /** @description Old district name */
                district?: string;
                /** @description Old commune name, or its 5-digit code */
                commune: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidates: {
                            communeCode: string;
                            communeName: string;
                            provinceCode: string;
                            provinceName: string;
                            /** @enum {string} */
                            kind: "full" | "partial" | "uncertain";
                            /** @description False when the commune was abolished by a later update */
                            current: boolean;
                            oldCommuneCode: string | null;
                            oldCommuneName: string;
                            oldDistrictName: string | null;
                            oldProvinceName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        level: string;
                        current: {
                            code: string;
                            name: string;
                            type: string;
                            level: string;
                            provinceCode: string | null;
                            nameEn: string | null;
                            validFrom: string;
                        } | null;
                        province: {
                            code: string;
                            name: string;
                        } | null;
                        versions: {
                            name: string;
                            nameEn: string | null;
                            type: string;
                            provinceCode: string | null;
                            validFrom: string;
                            /** @description First day the version no longer applies (exclusive) */
                            validTo: string | null;
                            updateId: string | null;
                            source: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listUnitUpdates: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            effectiveDate: string;
                            source: string;
                            appliedAt: string;
                            appliedBy: string | null;
                            summary: {
                                [key: string]: unknown;
                            };
                        }[];
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    applyUnitUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    effectiveDate: string;
                    source: string;
                    /** @enum {string} */
                    mode: "full" | "partial";
                    units: {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        type: "tinh" | "thanh_pho" | "xa" | "phuong" | "dac_khu";
                        /** @enum {string} */
                        level: "province" | "commune";
                        provinceCode?: string | null;
                        nameEn?: string | null;
                    }[];
                    abolish?: string[];
                    merges?: {
                        from: string;
                        into: string;
                    }[];
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string | null;
                        effectiveDate: string;
                        source: string;
                        appliedAt: string | null;
                        appliedBy: string | null;
                        changed: boolean;
                        dryRun: boolean;
                        summary: {
                            /** @enum {string} */
                            mode: "full" | "partial";
                            renamed: {
                                count: number;
                                codes: string[];
                            };
                            retyped: {
                                count: number;
                                codes: string[];
                            };
                            moved: {
                                count: number;
                                codes: string[];
                            };
                            added: {
                                count: number;
                                codes: string[];
                            };
                            abolished: {
                                count: number;
                                codes: string[];
                            };
                            merged?: {
                                count: number;
                                people: number;
                            };
                            translated: {
                                count: number;
                            };
                            unchanged: {
                                count: number;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string | null;
                        effectiveDate: string;
                        source: string;
                        appliedAt: string | null;
                        appliedBy: string | null;
                        changed: boolean;
                        dryRun: boolean;
                        summary: {
                            /** @enum {string} */
                            mode: "full" | "partial";
                            renamed: {
                                count: number;
                                codes: string[];
                            };
                            retyped: {
                                count: number;
                                codes: string[];
                            };
                            moved: {
                                count: number;
                                codes: string[];
                            };
                            added: {
                                count: number;
                                codes: string[];
                            };
                            abolished: {
                                count: number;
                                codes: string[];
                            };
                            merged?: {
                                count: number;
                                people: number;
                            };
                            translated: {
                                count: number;
                            };
                            unchanged: {
                                count: number;
                            };
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listFacilities: {
        parameters: {
            query?: {
                provinceCode?: string;
                communeCode?: string;
                kind?: "rehab_public" | "reform_school" | "rehab_private" | "community_rehab" | "methadone_clinic" | "health_station";
                q?: string;
                active?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Facility"][];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createFacility: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "rehab_public" | "reform_school" | "rehab_private" | "community_rehab" | "methadone_clinic" | "health_station";
                    provinceCode: string;
                    communeCode?: string | null;
                    address?: string | null;
                    phone?: string | null;
                    /** @default true */
                    active?: boolean;
                    /** @description Required for a private rehab facility (rehab_private) */
                    licence?: {
                        /** @description e.g. 12/GP-CAT */
                        number: string;
                        /**
                         * Format: date
                         * @description Date of issue
                         */
                        issuedOn: string;
                        /** @description Title and name of who signed it, e.g. Giám đốc Công an tỉnh Quảng Ninh */
                        issuer: string;
                        /** @description Activities the licence allows, as written */
                        scope: string;
                        /**
                         * Format: date
                         * @description Last day the licence is valid
                         */
                        validUntil: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    name?: string;
                    /** @enum {string} */
                    kind?: "rehab_public" | "reform_school" | "rehab_private" | "community_rehab" | "methadone_clinic" | "health_station";
                    provinceCode?: string;
                    communeCode?: string | null;
                    address?: string | null;
                    phone?: string | null;
                    active?: boolean;
                    /** @description A new licence to add, e.g. when the kind becomes rehab_private and none is recorded */
                    licence?: {
                        /** @description e.g. 12/GP-CAT */
                        number: string;
                        /**
                         * Format: date
                         * @description Date of issue
                         */
                        issuedOn: string;
                        /** @description Title and name of who signed it, e.g. Giám đốc Công an tỉnh Quảng Ninh */
                        issuer: string;
                        /** @description Activities the licence allows, as written */
                        scope: string;
                        /**
                         * Format: date
                         * @description Last day the licence is valid
                         */
                        validUntil: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    addFacilityLicence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description e.g. 12/GP-CAT */
                    number: string;
                    /**
                     * Format: date
                     * @description Date of issue
                     */
                    issuedOn: string;
                    /** @description Title and name of who signed it, e.g. Giám đốc Công an tỉnh Quảng Ninh */
                    issuer: string;
                    /** @description Activities the licence allows, as written */
                    scope: string;
                    /**
                     * Format: date
                     * @description Last day the licence is valid
                     */
                    validUntil: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    updateFacilityLicence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                licenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    number?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    issuedOn?: string;
                    issuer?: string;
                    scope?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    validUntil?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    searchPeople: {
        parameters: {
            query?: {
                /** @description Name, other name or 12-digit citizen ID; diacritics ignored */
                q?: string;
                communeCode?: string;
                status?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Person"][];
                        total: number;
                        /** @description A name search counts at most 1,000 matches: true when there are more than `total` */
                        totalCapped: boolean;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName: string;
                    otherNames?: string[];
                    /** @enum {string} */
                    sex: "male" | "female";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    birthDate?: string;
                    birthYear?: number;
                    citizenId?: string;
                    ethnicity?: string;
                    phone?: string;
                    occupation?: string;
                    permanentAddress?: {
                        communeCode: string;
                        /** @description Village, hamlet, street and house number */
                        detail?: string;
                    };
                    currentAddress: {
                        communeCode: string;
                        /** @description Village, hamlet, street and house number */
                        detail?: string;
                    };
                    familyContacts?: {
                        name: string;
                        relation: string;
                        phone?: string;
                    }[];
                    /** @description Set after the user has seen and dismissed a possible-duplicate warning */
                    confirmPossibleDuplicate?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    exportPeople: {
        parameters: {
            query?: {
                format?: "xlsx" | "csv";
                q?: string;
                communeCode?: string;
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getPersonSummaryPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName: string;
                    otherNames?: string[];
                    /** @enum {string} */
                    sex: "male" | "female";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    birthDate?: string;
                    birthYear?: number;
                    citizenId?: string;
                    ethnicity?: string;
                    phone?: string;
                    occupation?: string;
                    permanentAddress?: {
                        communeCode: string;
                        /** @description Village, hamlet, street and house number */
                        detail?: string;
                    };
                    currentAddress: {
                        communeCode: string;
                        /** @description Village, hamlet, street and house number */
                        detail?: string;
                    };
                    familyContacts?: {
                        name: string;
                        relation: string;
                        phone?: string;
                    }[];
                    /** @description The version this edit was based on */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listDrugTests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DrugTest"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createDrugTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    testedOn: string;
                    /** @enum {string} */
                    method: "rapid_urine" | "lab";
                    results: {
                        /** @enum {string} */
                        substance: "heroin" | "morphine" | "opiates" | "methamphetamine" | "amphetamine" | "mdma" | "ketamine" | "cannabis" | "cocaine" | "methadone" | "benzodiazepines" | "other";
                        /** @description Name of the substance when 'other' */
                        otherName?: string;
                        /** @enum {string} */
                        result: "positive" | "negative";
                    }[];
                    /** @description Who performed the test */
                    performedBy: string;
                    /** @enum {string} */
                    reason: "routine" | "suspicion" | "scheduled_during_management" | "intake";
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrugTest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listAddictionDeterminations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AddictionDetermination"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createAddictionDetermination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    assessedOn: string;
                    observations: {
                        /** @enum {string} */
                        criterion: "craving" | "loss_of_control" | "tolerance" | "neglect_of_interests" | "use_despite_harm" | "withdrawal";
                        /**
                         * Format: date
                         * @description First day the criterion was observed
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description Last day; omitted when still present on the assessment date
                         */
                        to?: string;
                    }[];
                    doctor: {
                        name: string;
                        /** @description Doctor's practising certificate number (chứng chỉ hành nghề), required */
                        certificate: string;
                    };
                    /** @description Health facility where the determination was made */
                    facilityName: string;
                    /** @description Health facility's operating licence number (giấy phép hoạt động) */
                    facilityLicence?: string;
                    /**
                     * @description The doctor's conclusion on Form 04 (Decree 109/2021): the legal result
                     * @enum {string}
                     */
                    conclusion: "addicted" | "not_addicted";
                    /** @description Number of the Form 04 result */
                    form04Number?: string;
                    /** @default [] */
                    substances?: ("heroin" | "morphine" | "opiates" | "methamphetamine" | "amphetamine" | "mdma" | "ketamine" | "cannabis" | "cocaine" | "methadone" | "benzodiazepines" | "other")[];
                    /**
                     * @description Health class: medical staff only
                     * @enum {string}
                     */
                    hivStatus?: "positive" | "negative" | "unknown";
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddictionDetermination"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listCounsellingSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CounsellingSession"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createCounsellingSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "individual" | "group" | "family";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn: string;
                    topic: string;
                    counsellor: string;
                    personIds: string[];
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounsellingSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listSubstanceDeclarations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SubstanceDeclaration"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createSubstanceDeclaration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Day the person made the declaration
                     */
                    declaredOn: string;
                    /** @description Substances the person declared using */
                    substances: ("heroin" | "morphine" | "opiates" | "methamphetamine" | "amphetamine" | "mdma" | "ketamine" | "cannabis" | "cocaine" | "methadone" | "benzodiazepines" | "other")[];
                    /** @description Name of the substance when 'other' is listed */
                    otherSubstance?: string;
                    /** @description Where and from whom the person obtained them, as declared */
                    source: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceDeclaration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    updateSubstanceDeclaration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Day the person made the declaration
                     */
                    declaredOn: string;
                    /** @description Substances the person declared using */
                    substances: ("heroin" | "morphine" | "opiates" | "methamphetamine" | "amphetamine" | "mdma" | "ketamine" | "cannabis" | "cocaine" | "methadone" | "benzodiazepines" | "other")[];
                    /** @description Name of the substance when 'other' is listed */
                    otherSubstance?: string;
                    /** @description Where and from whom the person obtained them, as declared */
                    source: string;
                    notes?: string;
                    /** @description Version read before editing (409 when stale) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstanceDeclaration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listPersonEpisodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Episode"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    openEpisode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "user_management";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    decision: {
                        /** @description Number as written on the decision, e.g. 12/QĐ-UBND */
                        number?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        date: string;
                        signer?: string;
                    };
                    /** @description The positive drug test the decision rests on */
                    sourceTestId?: string;
                } | {
                    /** @enum {string} */
                    type: "voluntary_community";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    /** @description Term in whole months */
                    termMonths: number;
                    registration: {
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        registeredOn: string;
                        /** @description Community-rehab service provider */
                        provider: string;
                        plan?: string;
                    };
                    stages?: {
                        stage: number;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        from?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        to?: string;
                        /** @default false */
                        completed?: boolean;
                    }[];
                } | {
                    /** @enum {string} */
                    type: "voluntary_facility";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    /** @description Term in whole months */
                    termMonths: number;
                    facilityId: string;
                    contract: {
                        number?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        signedOn: string;
                    };
                    /** @description Priority group entitled to cost support */
                    priorityGroup?: string;
                    stages?: {
                        stage: number;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        from?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        to?: string;
                        /** @default false */
                        completed?: boolean;
                    }[];
                } | {
                    /** @enum {string} */
                    type: "compulsory_pending";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    /** @enum {string} */
                    place: "family" | "facility";
                    facilityId?: string;
                    familyCommitment?: {
                        /** @description Family member who signs the commitment (Form 35) */
                        committedBy: string;
                        relation: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        signedOn: string;
                    };
                    /** @description Grounds the history cannot show, e.g. not registering for voluntary rehab */
                    grounds?: ("not_registered_voluntary" | "quit_voluntary_rehab" | "used_during_voluntary_rehab" | "quit_substitution_therapy" | "relapse_during_post_rehab")[];
                    decision?: {
                        /** @description Number as written on the decision, e.g. 12/QĐ-UBND */
                        number?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        date: string;
                        signer?: string;
                    };
                } | {
                    /** @enum {string} */
                    type: "compulsory";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    /** @description Term in whole months */
                    termMonths: number;
                    court: {
                        /** @description Court that decided, e.g. Tòa án nhân dân khu vực 1 - Hà Nội */
                        name: string;
                        decisionNumber: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        decisionDate: string;
                        signer?: string;
                    };
                    facilityId?: string;
                    grounds?: ("not_registered_voluntary" | "quit_voluntary_rehab" | "used_during_voluntary_rehab" | "quit_substitution_therapy" | "relapse_during_post_rehab")[];
                } | {
                    /** @enum {string} */
                    type: "substitution_therapy";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    clinic: {
                        name: string;
                        code?: string;
                    };
                    /** @description The methadone clinic as a registered facility, when it is one */
                    facilityId?: string;
                } | {
                    /** @enum {string} */
                    type: "post_rehab";
                    /**
                     * Format: date
                     * @description First day of the episode
                     */
                    startDate: string;
                    /** @description Users assigned to manage and support the person */
                    managerIds?: string[];
                    notes?: string;
                    decision: {
                        /** @description Number as written on the decision, e.g. 12/QĐ-UBND */
                        number?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        date: string;
                        signer?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Episode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getPersonTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    transferPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The person record's version */
                    version: number;
                    toCommuneCode: string;
                    /** @description New address: village, street and house number */
                    detail?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    movedOn: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    receiveTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getEpisode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Episode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateEpisode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    notes?: string | null;
                    managerIds?: string[];
                    /** @description Number and signer; the date cannot change (it fixes the regime) */
                    decision?: {
                        number?: string;
                        signer?: string;
                    };
                    stages?: {
                        stage: number;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        from?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        to?: string;
                        /** @default false */
                        completed?: boolean;
                    }[];
                    interruptions?: {
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        to?: string;
                        reason?: string;
                    }[];
                    familyCommitment?: {
                        /** @description Family member who signs the commitment (Form 35) */
                        committedBy: string;
                        relation: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        signedOn: string;
                    };
                    priorityGroup?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Episode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    closeEpisode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /** @enum {string} */
                    outcome: "completed" | "quit" | "expelled" | "relapsed" | "transferred" | "escaped" | "died" | "cancelled";
                    /**
                     * Format: date
                     * @description Last day of the episode
                     */
                    endDate: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Episode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    issueEpisodeCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    issuedOn: string;
                    /** @description Number as written; allocated by the system when omitted */
                    number?: string;
                    signer: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Episode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordEpisodeContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    contactDate: string;
                    /** @enum {string} */
                    method: "visit" | "phone" | "office" | "meeting";
                    summary: string;
                    /** @description Who met the person; defaults to the user recording it */
                    byName?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EpisodeContact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getEpisodeDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    scheduleEpisodeTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "drug_test" | "contact";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    dueDate: string;
                    assigneeUserId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    createDecision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What the decision decides
                     * @enum {string}
                     */
                    type: "user_management" | "post_rehab";
                    decision: {
                        /** @description Number as written on the decision, e.g. 12/QĐ-UBND */
                        number?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        date: string;
                        signer?: string;
                    };
                    /**
                     * Format: date
                     * @description First day of management for every person named
                     */
                    startDate: string;
                    /** @description The people the decision names */
                    personIds: string[];
                    managerIds?: string[];
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    number?: string;
                    signer?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listMonitoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MonitoringMeasure"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createMonitoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Number as written on the decision, e.g. 05/QĐ-CAX */
                    decisionNumber: string;
                    /**
                     * Format: date
                     * @description Date of the decision of the head of commune police
                     */
                    decisionDate: string;
                    /** @description Who signed the decision */
                    decisionSigner?: string;
                    /**
                     * Format: date
                     * @description First day of monitoring
                     */
                    startDate: string;
                    /**
                     * Format: date
                     * @description Last day of monitoring as decided
                     */
                    plannedEnd: string;
                    /**
                     * @description Means of monitoring
                     * @enum {string}
                     */
                    means: "bracelet" | "locator" | "phone_app" | "other";
                    /** @description Description when the means is 'other' */
                    meansOther?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitoringMeasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getMonitoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitoringMeasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateMonitoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Version read before editing (409 when stale) */
                    version: number;
                    decisionNumber?: string;
                    decisionSigner?: string | null;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    plannedEnd?: string;
                    /** @enum {string} */
                    means?: "bracelet" | "locator" | "phone_app" | "other";
                    meansOther?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitoringMeasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordMonitoringEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The measure's version read before recording (409 when stale) */
                    version: number;
                    /**
                     * @description What happened; a removal ends the measure
                     * @enum {string}
                     */
                    kind: "breach" | "tampering_reported" | "device_fault" | "removal";
                    /**
                     * Format: date
                     * @description Day it happened
                     */
                    occurredOn: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitoringMeasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listMyTasks: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        today: string;
                        overdue: components["schemas"]["Task"][];
                        dueToday: components["schemas"]["Task"][];
                        upcoming: components["schemas"]["Task"][];
                        counts: {
                            overdue: number;
                            today: number;
                            upcoming: number;
                        } | null;
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                username?: string;
                userId?: string;
                entityId?: string;
                action?: string;
                from?: string;
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            at: string;
                            userId: string | null;
                            username: string | null;
                            role: string | null;
                            action: string;
                            entityType: string;
                            entityId: string | null;
                            ip: string | null;
                            reason: string | null;
                            details: unknown;
                        }[];
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    uploadPeopleImport: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                /** @description JSON array: the field of each column (null = not imported); default: proposed or saved mapping */
                mapping?: string;
                /** @description JSON object: old (split) commune code → the new commune picked */
                choices?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signature: string;
                        headerRow: number;
                        id: string;
                        /** @enum {string} */
                        status: "preview" | "committed" | "undone";
                        fileName: string;
                        target: {
                            /** @enum {string} */
                            kind: "province" | "commune";
                            code: string;
                        };
                        createdAt: string;
                        committedAt: string | null;
                        undoneAt: string | null;
                        labels: unknown;
                        mapping: ("stt" | "fullName" | "otherNames" | "sex" | "sexMale" | "sexFemale" | "birth" | "birthMale" | "birthFemale" | "idNumber" | "ethnicity" | "occupation" | "permanentAddress" | "currentAddress" | "commune" | "drug" | "useStatus" | "detectedOn" | "pathway" | "period" | "from" | "to" | "note" | null)[];
                        summary: {
                            rows: number;
                            created: number;
                            merged: number;
                            skipped: number;
                            errors: {
                                row: number;
                                column: string;
                                rule: string;
                                message: string;
                                messageEn: string;
                            }[];
                            unresolved: {
                                oldCommuneCode: string;
                                oldCommuneName: string;
                                rows: number;
                                candidates: {
                                    code: string;
                                    name: string;
                                }[];
                            }[];
                        };
                        rows: {
                            row: number;
                            /** @enum {string} */
                            result: "error" | "new" | "existing" | "possible_duplicate" | "duplicate_in_file";
                            /** @enum {string|null} */
                            action: "created" | "merged" | "skipped" | null;
                            fullName: string;
                            birthYear: number | null;
                            /** @enum {string|null} */
                            sex: "male" | "female" | null;
                            citizenId: string | null;
                            address: string | null;
                            oldCommune: {
                                code: string;
                                name: string;
                                district: string;
                                province: string;
                            } | null;
                            communeCode: string | null;
                            candidates: string[];
                            duplicateOfRow: number | null;
                            existing: {
                                id: string;
                                fullName: string;
                            } | null;
                            errors: {
                                row: number;
                                column: string;
                                rule: string;
                                message: string;
                                messageEn: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listImports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: number;
                        pageSize: number;
                        total: number;
                        items: {
                            id: string;
                            fileName: string;
                            /** @enum {string} */
                            status: "preview" | "committed" | "undone";
                            target: {
                                /** @enum {string} */
                                kind: "province" | "commune";
                                code: string;
                            };
                            createdAt: string;
                            committedAt: string | null;
                            undoneAt: string | null;
                            rows: number;
                            created: number;
                            merged: number;
                            skipped: number;
                            errors: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    commitImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Per row number: create, merge into the existing record, or skip */
                    decisions?: {
                        [key: string]: "create" | "merge" | "skip";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    undoImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                        restored: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getImportErrorsXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    saveImportMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    signature: string;
                    name: string;
                    mapping: ("stt" | "fullName" | "otherNames" | "sex" | "sexMale" | "sexFemale" | "birth" | "birthMale" | "birthFemale" | "idNumber" | "ethnicity" | "occupation" | "permanentAddress" | "currentAddress" | "commune" | "drug" | "useStatus" | "detectedOn" | "pathway" | "period" | "from" | "to" | "note" | null)[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listLegalRegimes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            from: string;
                            to: string | null;
                            name: {
                                vi: string;
                                en: string;
                            };
                            rules: {
                                key: string;
                                label: {
                                    vi: string;
                                    en: string;
                                };
                                value: number | boolean | string | (null) | {
                                    [key: string]: number;
                                };
                                unit: string;
                                unitLabel: {
                                    vi: string;
                                    en: string;
                                };
                                basis: {
                                    instrument: {
                                        vi: string;
                                        en: string;
                                    };
                                    article?: string;
                                    clause?: string;
                                    chapter?: string;
                                    citation: {
                                        vi: string;
                                        en: string;
                                    };
                                }[];
                                authority: {
                                    id: string;
                                    name: {
                                        vi: string;
                                        en: string;
                                    };
                                } | null;
                                forms: {
                                    number: string;
                                    instrument: {
                                        vi: string;
                                        en: string;
                                    };
                                    title: {
                                        vi: string;
                                        en: string;
                                    };
                                }[];
                                verify: boolean;
                                note: {
                                    vi: string;
                                    en: string;
                                } | null;
                                shape: {
                                    /** @enum {string} */
                                    type: "number" | "boolean" | "string" | "object";
                                    keys?: string[];
                                    keyLabels?: {
                                        [key: string]: {
                                            vi: string;
                                            en: string;
                                        };
                                    };
                                    nullable: boolean;
                                };
                            }[];
                        }[];
                        roles: {
                            id: string;
                            name: {
                                vi: string;
                                en: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getLegalRules: {
        parameters: {
            query?: {
                /** @description Date of the act, YYYY-MM-DD; today (Vietnam) when absent */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        regime: {
                            id: string;
                            from: string;
                            to: string | null;
                            name: {
                                vi: string;
                                en: string;
                            };
                        };
                        rules: {
                            key: string;
                            label: {
                                vi: string;
                                en: string;
                            };
                            value: number | boolean | string | (null) | {
                                [key: string]: number;
                            };
                            unit: string;
                            unitLabel: {
                                vi: string;
                                en: string;
                            };
                            basis: {
                                instrument: {
                                    vi: string;
                                    en: string;
                                };
                                article?: string;
                                clause?: string;
                                chapter?: string;
                                citation: {
                                    vi: string;
                                    en: string;
                                };
                            }[];
                            authority: {
                                id: string;
                                name: {
                                    vi: string;
                                    en: string;
                                };
                            } | null;
                            forms: {
                                number: string;
                                instrument: {
                                    vi: string;
                                    en: string;
                                };
                                title: {
                                    vi: string;
                                    en: string;
                                };
                            }[];
                            verify: boolean;
                            note: {
                                vi: string;
                                en: string;
                            } | null;
                            shape: {
                                /** @enum {string} */
                                type: "number" | "boolean" | "string" | "object";
                                keys?: string[];
                                keyLabels?: {
                                    [key: string]: {
                                        vi: string;
                                        en: string;
                                    };
                                };
                                nullable: boolean;
                            };
                            defaultValue: number | boolean | string | (null) | {
                                [key: string]: number;
                            };
                            defaultBasis: {
                                instrument: {
                                    vi: string;
                                    en: string;
                                };
                                article?: string;
                                clause?: string;
                                chapter?: string;
                                citation: {
                                    vi: string;
                                    en: string;
                                };
                            }[];
                            overridden: boolean;
                            overriddenBy: {
                                id: string | null;
                                effectiveFrom: string;
                                reason: string;
                                basis: {
                                    instrument: {
                                        vi: string;
                                        en: string;
                                    };
                                    article?: string;
                                    clause?: string;
                                    chapter?: string;
                                    citation: {
                                        vi: string;
                                        en: string;
                                    };
                                };
                                regimeId: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listRuleOverrides: {
        parameters: {
            query?: {
                ruleKey?: "userManagementMonths" | "userManagementDecisionHours" | "addictionCriteria" | "relapseDeterminationWorkingDays" | "voluntaryCommunityMonths" | "communityRehabSubsidyMinStages" | "communityProviderRegistrar" | "voluntaryFacilityMonths" | "voluntaryFacilityCostSupport" | "compulsoryAdultMonths" | "compulsoryFixedTermMonths" | "rehabFixedTermMonths" | "compulsoryJuvenileMonths" | "compulsoryJuvenileAge" | "compulsoryCourt" | "compulsoryDossierPreparer" | "compulsoryPendingCountsTowardTerm" | "compulsoryDossierReadingWorkingDays" | "compulsoryDossierRequiredDocuments" | "postRehabMonths" | "postRehabDecisionWorkingDays" | "moveHandoverHours" | "electronicMonitoring" | "substanceDeclarationRequired" | "criminal256aWindowYears" | "termReductionMinServedPercent" | "termReductionBases" | "escapeTimeCounts" | "postponementTimeCounts" | "hospitalSuspensionTimeCounts" | "releaseNoticeDaysBefore" | "compulsoryFacilityKinds" | "juvenileCompulsoryFacilityKinds" | "voluntaryFacilityKinds" | "substitutionFacilityKinds" | "privateFacilityLicenser";
                status?: "active" | "revoked" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RuleOverride"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createRuleOverride: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    ruleKey: "userManagementMonths" | "userManagementDecisionHours" | "addictionCriteria" | "relapseDeterminationWorkingDays" | "voluntaryCommunityMonths" | "communityRehabSubsidyMinStages" | "communityProviderRegistrar" | "voluntaryFacilityMonths" | "voluntaryFacilityCostSupport" | "compulsoryAdultMonths" | "compulsoryFixedTermMonths" | "rehabFixedTermMonths" | "compulsoryJuvenileMonths" | "compulsoryJuvenileAge" | "compulsoryCourt" | "compulsoryDossierPreparer" | "compulsoryPendingCountsTowardTerm" | "compulsoryDossierReadingWorkingDays" | "compulsoryDossierRequiredDocuments" | "postRehabMonths" | "postRehabDecisionWorkingDays" | "moveHandoverHours" | "electronicMonitoring" | "substanceDeclarationRequired" | "criminal256aWindowYears" | "termReductionMinServedPercent" | "termReductionBases" | "escapeTimeCounts" | "postponementTimeCounts" | "hospitalSuspensionTimeCounts" | "releaseNoticeDaysBefore" | "compulsoryFacilityKinds" | "juvenileCompulsoryFacilityKinds" | "voluntaryFacilityKinds" | "substitutionFacilityKinds" | "privateFacilityLicenser";
                    /** @description number, boolean, role id, null (when the rule allows it) or an object of numbers; may be left out when `authority` is given (the rule keeps its value) */
                    value?: unknown;
                    /**
                     * @description Role deciding (and signing the decision) from effectiveFrom on; absent keeps the rule’s own
                     * @enum {string|null}
                     */
                    authority?: "commune_chairman" | "commune_police_head" | "district_chairman" | "district_labour_office" | "district_court" | "regional_court" | "province_chairman" | "province_police_director" | "facility_director" | "qualified_doctor" | "substitution_clinic" | null;
                    /** @description First day the value applies, YYYY-MM-DD */
                    effectiveFrom: string;
                    /**
                     * @description Limit the override to one regime; without it, it also carries into later regimes
                     * @enum {string|null}
                     */
                    regimeId?: "pre-2022" | "law73-2022" | "police-transfer-2025" | "two-tier-2025" | "law120-2026" | null;
                    reason: string;
                    basis: {
                        instrument: {
                            vi: string;
                            en?: string;
                        };
                        article?: string;
                        clause?: string;
                        chapter?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    revokeRuleOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listHolidays: {
        parameters: {
            query?: {
                /** @description Solar year, 1900–2199 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        holidays: {
                            date: string;
                            id: string;
                            /** @enum {string} */
                            kind: "holiday" | "compensatory" | "official" | "adjustment";
                            name: {
                                vi: string;
                                en: string;
                            };
                            adjustmentId: string | null;
                        }[];
                        workingDays: {
                            date: string;
                            reason: string;
                            adjustmentId: string | null;
                        }[];
                        official: {
                            date: string;
                            /** @enum {string} */
                            kind: "day_off" | "working_day";
                            name: {
                                vi: string;
                                en: string;
                            };
                            source: {
                                title: {
                                    vi: string;
                                    en: string;
                                };
                                url: string;
                            };
                        }[];
                        adjustments: components["schemas"]["CalendarAdjustment"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listCalendarAdjustments: {
        parameters: {
            query?: {
                /** @description Solar year, 1900–2199 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CalendarAdjustment"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createCalendarAdjustment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Date, YYYY-MM-DD */
                    date: string;
                    /** @enum {string} */
                    kind: "day_off" | "working_day";
                    /** @description Shown as the name of the day, e.g. "Nghỉ bù Quốc khánh theo Thông báo …" */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarAdjustment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    deleteCalendarAdjustment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listDossiers: {
        parameters: {
            query?: {
                /** @description Name of a person in the dossier; diacritics ignored */
                q?: string;
                status?: "draft" | "notified" | "reading_period_over" | "submitted" | "accepted" | "hearing_scheduled" | "decided" | "executed";
                communeCode?: string;
                personId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DossierSummary"][];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createDossier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date the dossier was opened (rules in force on this date)
                     */
                    preparedOn: string;
                    persons: {
                        personId: string;
                        /** @enum {string} */
                        ground: "not_registered_voluntary" | "quit_voluntary_rehab" | "used_during_voluntary_rehab" | "quit_substitution_therapy" | "relapse_during_post_rehab";
                        groundNote?: string;
                    }[];
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getDossierRules: {
        parameters: {
            query: {
                /** @description Date, YYYY-MM-DD */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        /** @enum {string} */
                        regimeId: "pre-2022" | "law73-2022" | "police-transfer-2025" | "two-tier-2025" | "law120-2026";
                        /** @enum {string} */
                        preparer: "commune_chairman" | "commune_police_head" | "district_chairman" | "district_labour_office" | "district_court" | "regional_court" | "province_chairman" | "province_police_director" | "facility_director" | "qualified_doctor" | "substitution_clinic";
                        /** @enum {string} */
                        court: "commune_chairman" | "commune_police_head" | "district_chairman" | "district_labour_office" | "district_court" | "regional_court" | "province_chairman" | "province_police_director" | "facility_director" | "qualified_doctor" | "substitution_clinic";
                        readingPeriodWorkingDays: number;
                        readingPeriodVerify: boolean;
                        readingPeriodEndIfNotifiedToday: string;
                        checklist: {
                            /** @enum {string} */
                            kind: "violation_record" | "personal_history" | "addiction_result" | "ground_proof" | "statement" | "notification_proof" | "family_commitment" | "other";
                            required: boolean;
                            label: {
                                vi: string;
                                en: string;
                            };
                        }[];
                        checklistVerify: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addDossierPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    personId: string;
                    /** @enum {string} */
                    ground: "not_registered_voluntary" | "quit_voluntary_rehab" | "used_during_voluntary_rehab" | "quit_substitution_therapy" | "relapse_during_post_rehab";
                    groundNote?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    removeDossierPerson: {
        parameters: {
            query: {
                version: number;
            };
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listDossierDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DossierDocument"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    uploadDossierDocument: {
        parameters: {
            query: {
                personId: string;
                kind: "violation_record" | "personal_history" | "addiction_result" | "ground_proof" | "statement" | "notification_proof" | "family_commitment" | "other";
                note?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    downloadDossierDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    removeDossierDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getDossierCoverList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                format: "docx" | "pdf";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    notifyDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Day the person and family received the notice
                     */
                    notifiedOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    closeDossierReading: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    closedOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    submitDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    submittedOn: string;
                    /** @description e.g. Tòa án nhân dân khu vực 1 - Hà Nội */
                    courtName: string;
                    submissionNumber?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    acceptDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    acceptedOn: string;
                    courtCaseNumber?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    setDossierHearing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    hearingDate: string;
                    hearingPlace?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordDossierDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    decidedOn: string;
                    outcomes: {
                        personId: string;
                        /** @enum {string} */
                        outcome: "ordered" | "rejected" | "postponed" | "exempted";
                        termMonths?: number;
                        decisionNumber?: string;
                        /**
                         * Format: date
                         * @description Defaults to decidedOn
                         */
                        decisionDate?: string;
                        decisionSigner?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        postponedUntil?: string;
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    executeDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    personId: string;
                    /**
                     * Format: date
                     * @description Day the police executed the decision (the person was taken in)
                     */
                    executedOn: string;
                    /**
                     * Format: date
                     * @description Day the facility admitted the person; defaults to executedOn
                     */
                    admittedOn?: string;
                    facilityId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    admitResident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The episode (contract, court order or pending management) placing the person here */
                    episodeId: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    admittedOn: string;
                    /** @description Number of the intake record (biên bản tiếp nhận) */
                    recordNumber?: string;
                    /** @enum {string} */
                    classification: "first_time" | "repeat" | "juvenile" | "with_comorbidity" | "other";
                    /** @default [] */
                    belongings?: {
                        item: string;
                        /** @default 1 */
                        quantity?: number;
                        note?: string;
                    }[];
                    rapidTest: {
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        testedOn: string;
                        /** @enum {string} */
                        result: "positive" | "negative";
                        /** @default [] */
                        substances?: string[];
                    };
                    area?: string;
                    bed?: string;
                    /**
                     * @description No known place of residence: the handover is flagged for the province
                     * @default false
                     */
                    noKnownResidence?: boolean;
                    /** @description Who approved the intake into stage 1 */
                    approvedBy: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listResidents: {
        parameters: {
            query?: {
                upcomingDays?: number;
                /** @description Words of the name */
                q?: string;
                stage?: number;
                basis?: "voluntary" | "compulsory" | "compulsory_pending";
                absent?: "true" | "false";
                sort?: "name" | "admitted_on" | "stage" | "bed" | "served" | "remaining" | "release";
                dir?: "asc" | "desc";
                /** @description Rows of the page; without it, every resident selected */
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facilityId: string;
                        today: string;
                        residents: {
                            admissionId: string;
                            personId: string;
                            fullName: string;
                            basis: string;
                            admittedOn: string;
                            stage: number;
                            area: string | null;
                            bed: string | null;
                            term: components["schemas"]["ResidentTerm"];
                            absence: {
                                kind: string;
                                from: string;
                            } | null;
                            noticeSent: boolean;
                            noKnownResidence: boolean;
                            version: number;
                        }[];
                        total: number;
                        count: number;
                        offset: number;
                        byStage: {
                            [key: string]: number;
                        };
                        upcomingReleases: {
                            admissionId: string;
                            fullName: string;
                            plannedRelease: string;
                            noticeSent: boolean;
                        }[];
                        absences: {
                            admissionId: string;
                            fullName: string;
                            kind: string;
                            from: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportResidents: {
        parameters: {
            query: {
                upcomingDays?: number;
                /** @description Words of the name */
                q?: string;
                stage?: number;
                basis?: "voluntary" | "compulsory" | "compulsory_pending";
                absent?: "true" | "false";
                sort?: "name" | "admitted_on" | "stage" | "bed" | "served" | "remaining" | "release";
                dir?: "asc" | "desc";
                format: "xlsx" | "csv";
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listAwaitingAdmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            episodeId: string;
                            personId: string;
                            fullName: string;
                            birthYear: number | null;
                            episodeType: string;
                            startDate: string;
                            plannedEnd: string | null;
                            documentNumber: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listFacilityClasses: {
        parameters: {
            query?: {
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VocationalClass"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    openFacilityClass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description e.g. welding, motorbike repair, men’s haircutting */
                    trade: string;
                    teacher: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    startsOn: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    endsOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VocationalClass"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordLabour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    workedOn: string;
                    /** @enum {string} */
                    activity: "bamboo_mat" | "plastic_chair" | "vegetables" | "livestock" | "paper" | "other";
                    description?: string;
                    participantAdmissionIds: string[];
                    hours: number;
                    /** @description e.g. 40 mats */
                    output?: string;
                    incomeVnd?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordFacilitySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn: string;
                    /** @enum {string} */
                    kind: "individual" | "group" | "thematic";
                    topic: string;
                    leader: string;
                    attendeeAdmissionIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordSelfManagementGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    formedOn: string;
                    leaderAdmissionId?: string;
                    memberAdmissionIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listFacilityEvents: {
        parameters: {
            query?: {
                kind?: "labour" | "session" | "group" | "visit" | "incident" | "reward" | "support" | "term_change" | "release_notice" | "release" | "departure" | "class_attendance";
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FacilityEvent"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getFacilityDashboard: {
        parameters: {
            query?: {
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facilityId: string;
                        facilityName: string;
                        from: string;
                        to: string;
                        residents: number;
                        residentsByStage: {
                            [key: string]: number;
                        };
                        residentsByBasis: {
                            [key: string]: number;
                        };
                        absent: number;
                        admissions: number;
                        releases: number;
                        departures: {
                            [key: string]: number;
                        };
                        classes: number;
                        learners: number;
                        enrolments: number;
                        termReductionPeople: number;
                        termReductionDecisions: number;
                        overseasLabourCounselled: number;
                        health: {
                            entryChecks: number;
                            periodicChecks: number;
                            periodicCheckPeople: number;
                            treatments: number;
                            referrals: number;
                            infectiousTests: number;
                        };
                        incidents: {
                            [key: string]: number;
                        };
                        rewards: number;
                        visits: {
                            [key: string]: number;
                        };
                        sessions: number;
                        labourHours: number;
                        termChanges: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getFacilityFigures: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facilityId: string;
                        year: number;
                        received: number;
                        reintegrated: number;
                        departures: number;
                        termReductions: number;
                        termReductionDecisions: number;
                        earlyReleases: number;
                        healthCheckCount: number;
                        healthCheckPeople: number;
                        entryHealthCheckCount: number;
                        hivTestCount: number;
                        infectiousTestCount: number;
                        classes: number;
                        learners: number;
                        enrolments: number;
                        certificates: number;
                        handovers: number;
                        flaggedForProvince: number;
                        familyVisits: number;
                        incidents: number;
                        supportServices: number;
                        overseasLabourCounselled: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAdmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    moveAdmissionStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    stage: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    beganOn: string;
                    approvedBy: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    setAdmissionBed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    area?: string;
                    bed?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    setAdmissionResidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /** @description No known place of residence: the handover goes to the province */
                    noKnownResidence: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordTermChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /** @enum {string} */
                    kind: "reduction" | "early_release" | "postponement" | "suspension" | "escape" | "return";
                    /**
                     * Format: date
                     * @description Date of the decision or of the event (escape, return)
                     */
                    decidedOn: string;
                    decisionNumber?: string;
                    decidedBy: string;
                    /** @description For a reduction: days taken off */
                    days?: number;
                    /**
                     * Format: date
                     * @description For an early release: the release date
                     */
                    releaseOn?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    sendReleaseNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    noticeOn: string;
                    /** @description Chairman of the commune people’s committee notified */
                    communeChairman: string;
                    /** @description Commune police notified */
                    communePolice: string;
                    /** @description Summary of the rehab */
                    summary: string;
                    /** @description Post-rehab recommendations */
                    recommendations: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    releaseResident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    releasedOn: string;
                    certificate: {
                        number: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        issuedOn: string;
                        signer: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordDeparture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    leftOn: string;
                    /** @enum {string} */
                    reason: "court_rejected" | "transferred" | "quit" | "expelled" | "escaped" | "died";
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    visitedOn: string;
                    /** @enum {string} */
                    mode: "in_person" | "online_call";
                    visitor: string;
                    relation: string;
                    /** @description For online calls, e.g. Zalo */
                    platform?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    /** @enum {string} */
                    kind: "rule_violation" | "fight" | "drug_found" | "escape" | "self_harm";
                    description: string;
                    actionTaken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordReward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    awardedOn: string;
                    /** @enum {string} */
                    kind: "commendation" | "merit_certificate" | "other";
                    reason: string;
                    decidedBy: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordFacilitySupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    providedOn: string;
                    /** @enum {string} */
                    kind: "overseas_labour_counselling" | "job_counselling" | "employer_link" | "loan_referral";
                    /** @description Employer, cooperative, Women's Union, agency */
                    partner?: string;
                    outcome?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listHealthRecords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        healthRecords: components["schemas"]["HealthRecord"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    recordHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "entry_check";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    diagnosis?: string;
                    medicalNotes?: string;
                    performedBy: string;
                } | {
                    /** @enum {string} */
                    kind: "periodic_check";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    diagnosis?: string;
                    medicalNotes?: string;
                    performedBy: string;
                } | {
                    /** @enum {string} */
                    kind: "treatment";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    diagnosis?: string;
                    medicalNotes?: string;
                    performedBy: string;
                    treatmentPlan: string;
                } | {
                    /** @enum {string} */
                    kind: "referral";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    diagnosis?: string;
                    medicalNotes?: string;
                    performedBy: string;
                    hospital: string;
                } | {
                    /** @enum {string} */
                    kind: "infectious_test";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    occurredOn: string;
                    diagnosis?: string;
                    medicalNotes?: string;
                    performedBy: string;
                    /** @enum {string} */
                    disease: "hiv" | "hepatitis_b" | "hepatitis_c" | "tuberculosis" | "syphilis" | "other";
                    /** @enum {string} */
                    testResult: "positive" | "negative" | "indeterminate";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    enrolLearners: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    admissionIds: string[];
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    enrolledOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VocationalClass"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    date: string;
                    presentAdmissionIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    issueClassCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    admissionId: string;
                    number: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    issuedOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VocationalClass"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    correctIntake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Number of the intake record (biên bản tiếp nhận) */
                    recordNumber?: string;
                    /** @enum {string} */
                    classification: "first_time" | "repeat" | "juvenile" | "with_comorbidity" | "other";
                    /** @default [] */
                    belongings?: {
                        item: string;
                        /** @default 1 */
                        quantity?: number;
                        note?: string;
                    }[];
                    rapidTest: {
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        testedOn: string;
                        /** @enum {string} */
                        result: "positive" | "negative";
                        /** @default [] */
                        substances?: string[];
                    };
                    notes?: string;
                    /** @description The version this change was based on */
                    version: number;
                    /** @description What was wrong */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admission"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    correctFacilityEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /** @description The whole corrected record, as when it was first entered (for class attendance: presentAdmissionIds) */
                    input: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecord"] | components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    voidFacilityEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /** @description Why the record was entered by mistake */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecord"] | components["schemas"]["FacilityEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listTeams: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Team"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Defaults to the officer's commune */
                    communeCode?: string;
                    name: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    establishedOn: string;
                    notes?: string;
                    /** @description Why this commune keeps more than one team (required for a second team) */
                    severalReason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    name?: string;
                    leaderVolunteerId?: string | null;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    establishedOn?: string;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listVolunteers: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                teamId?: string;
                active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Volunteer"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    teamId: string;
                    fullName: string;
                    /** @enum {string} */
                    sex?: "male" | "female";
                    birthYear?: number;
                    phone?: string;
                    /** @enum {string} */
                    organisation: "womens_union" | "youth_union" | "veterans" | "fatherland_front" | "residents_group" | "former_addict" | "other";
                    organisationDetail?: string;
                    /** @description A 'volunteer' account of the commune, to see their people */
                    userId?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    joinedOn: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        teamId: string;
                        communeCode: string;
                        fullName: string;
                        sex: string | null;
                        birthYear: number | null;
                        phone: string | null;
                        organisation: string;
                        organisationDetail: string | null;
                        userId: string | null;
                        joinedOn: string;
                        active: boolean;
                        leftOn: string | null;
                        notes: string | null;
                        isLeader: boolean;
                        assignedPeople: number;
                        version: number;
                        trainings: {
                            id: string;
                            course: string;
                            heldOn: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        teamId: string;
                        communeCode: string;
                        fullName: string;
                        sex: string | null;
                        birthYear: number | null;
                        phone: string | null;
                        organisation: string;
                        organisationDetail: string | null;
                        userId: string | null;
                        joinedOn: string;
                        active: boolean;
                        leftOn: string | null;
                        notes: string | null;
                        isLeader: boolean;
                        assignedPeople: number;
                        version: number;
                        trainings: {
                            id: string;
                            course: string;
                            heldOn: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    fullName?: string;
                    /** @enum {string|null} */
                    sex?: "male" | "female" | null;
                    birthYear?: number | null;
                    phone?: string | null;
                    /** @enum {string} */
                    organisation?: "womens_union" | "youth_union" | "veterans" | "fatherland_front" | "residents_group" | "former_addict" | "other";
                    organisationDetail?: string | null;
                    userId?: string | null;
                    notes?: string | null;
                    active?: boolean;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    leftOn?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        teamId: string;
                        communeCode: string;
                        fullName: string;
                        sex: string | null;
                        birthYear: number | null;
                        phone: string | null;
                        organisation: string;
                        organisationDetail: string | null;
                        userId: string | null;
                        joinedOn: string;
                        active: boolean;
                        leftOn: string | null;
                        notes: string | null;
                        isLeader: boolean;
                        assignedPeople: number;
                        version: number;
                        trainings: {
                            id: string;
                            course: string;
                            heldOn: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listVolunteerAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            username: string;
                            fullName: string;
                            volunteerId: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listAssignments: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                volunteerId?: string;
                personId?: string;
                active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Assignment"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    volunteerId: string;
                    personId: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    startedOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    endAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    endedOn: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listAssignmentGaps: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rule: {
                            minVolunteersWithPeople: number;
                            minPeoplePerVolunteer: number;
                        };
                        activeVolunteers: number;
                        items: {
                            volunteerId: string;
                            fullName: string;
                            organisation: string;
                            communeCode: string;
                            teamId: string;
                            assignedPeople: number;
                            missing: number;
                        }[];
                        peopleWithoutVolunteer: {
                            personId: string;
                            fullName: string;
                            status: string;
                            communeCode: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listVolunteerModelCommunes: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                /** @description dd/mm/yyyy shown; ISO date sent. Default: today */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        rule: {
                            minVolunteersWithPeople: number;
                            minPeoplePerVolunteer: number;
                        };
                        communes: {
                            communeCode: string;
                            communeName: string;
                            teamId: string | null;
                            activeVolunteers: number;
                            volunteersWithPeople: number;
                            hasVolunteerModel: boolean;
                        }[];
                        total: number;
                        withModel: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listVolunteerModelProvinces: {
        parameters: {
            query?: {
                /** @description Date, YYYY-MM-DD */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        rule: {
                            minVolunteersWithPeople: number;
                            minPeoplePerVolunteer: number;
                        };
                        provinces: {
                            provinceCode: string;
                            provinceName: string;
                            communes: number;
                            teams: number;
                            withModel: number;
                        }[];
                        communes: number;
                        withModel: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getVolunteerModelRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rule: {
                            minVolunteersWithPeople: number;
                            minPeoplePerVolunteer: number;
                        };
                        isDefault: boolean;
                        reason: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    setVolunteerModelRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    minVolunteersWithPeople: number;
                    minPeoplePerVolunteer: number;
                    reason: string;
                    /** @description 0 when the default rule is in force */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rule: {
                            minVolunteersWithPeople: number;
                            minPeoplePerVolunteer: number;
                        };
                        isDefault: boolean;
                        reason: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listMyPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            version: number;
                            fullName: string;
                            phone: string | null;
                            address: {
                                communeName: string | null;
                                provinceName: string | null;
                                detail: string | null;
                            };
                            pathway: {
                                type: string;
                                label: {
                                    vi: string;
                                    en: string;
                                };
                                startDate: string;
                                plannedEndDate: string | null;
                            } | null;
                            drugTest: {
                                /** @enum {string} */
                                status: "due" | "done" | "none";
                                dueDate: string | null;
                                doneOn: string | null;
                            };
                            nextContactDate: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getMyPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        version: number;
                        fullName: string;
                        phone: string | null;
                        address: {
                            communeName: string | null;
                            provinceName: string | null;
                            detail: string | null;
                        };
                        pathway: {
                            type: string;
                            label: {
                                vi: string;
                                en: string;
                            };
                            startDate: string;
                            plannedEndDate: string | null;
                        } | null;
                        drugTest: {
                            /** @enum {string} */
                            status: "due" | "done" | "none";
                            dueDate: string | null;
                            doneOn: string | null;
                        };
                        nextContactDate: string | null;
                        notes: {
                            id: string;
                            contactDate: string;
                            kind: string;
                            outcome: string;
                            note: string | null;
                            nextContactDate: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMyFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        today: string;
                        items: {
                            id: string;
                            kind: string;
                            label: {
                                vi: string;
                                en: string;
                            };
                            personId: string;
                            personName: string;
                            dueDate: string;
                            /** @enum {string} */
                            timing: "overdue" | "today" | "upcoming";
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listContacts: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                personId?: string;
                /** @description Contacts logged by (or for) this volunteer */
                volunteerId?: string;
                /** @description Contacts logged by this account */
                byUserId?: string;
                kind?: "visit" | "call" | "relapse_prevention_counselling" | "crisis_counselling" | "accompany_to_service";
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommunityContact"][];
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    logContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    personId: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    contactDate: string;
                    /** @enum {string} */
                    kind: "visit" | "call" | "relapse_prevention_counselling" | "crisis_counselling" | "accompany_to_service";
                    /** @enum {string} */
                    outcome: "met" | "not_reached" | "referred" | "escalated";
                    /** @description Where the person was accompanied to */
                    service?: string;
                    note?: string;
                    /**
                     * Format: date
                     * @description Becomes a task for whoever follows up
                     */
                    nextContactDate?: string;
                    /** @description An officer recording for a volunteer of the team */
                    volunteerId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        personId: string;
                        contactDate: string;
                        kind: string;
                        outcome: string;
                        note: string | null;
                        nextContactDate: string | null;
                        taskId: string | null;
                        closedTasks: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listActivities: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                kind?: "briefing" | "outreach" | "patrol" | "commitment_signing" | "contest" | "other";
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TeamActivity"][];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "briefing" | "outreach" | "patrol" | "commitment_signing" | "contest" | "other";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn: string;
                    place: string;
                    /** @description Topic, e.g. of a briefing or a contest */
                    title?: string;
                    /** @description How many took part (volunteers and others) */
                    participants?: number;
                    participantVolunteerIds?: string[];
                    peopleReached?: number;
                    commitmentsSigned?: number;
                    /** @description People persuaded into rehab at or after this activity */
                    persuadedIntoRehab?: number;
                    /** @description Those of them with a record, where known */
                    persuadedPersonIds?: string[];
                    note?: string;
                    /** @description Which of the commune's teams held it, when it has several (default: its first team) */
                    teamId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamActivity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamActivity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /** @enum {string} */
                    kind?: "briefing" | "outreach" | "patrol" | "commitment_signing" | "contest" | "other";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn?: string;
                    place?: string;
                    /** @description Topic, e.g. of a briefing or a contest */
                    title?: string;
                    /** @description How many took part (volunteers and others) */
                    participants?: number;
                    participantVolunteerIds?: string[];
                    peopleReached?: number;
                    commitmentsSigned?: number;
                    /** @description People persuaded into rehab at or after this activity */
                    persuadedIntoRehab?: number;
                    /** @description Those of them with a record, where known */
                    persuadedPersonIds?: string[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamActivity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getTeamReport: {
        parameters: {
            query: {
                communeCode?: string;
                provinceCode?: string;
                /** @description Date, YYYY-MM-DD */
                from: string;
                /** @description Date, YYYY-MM-DD */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        communeCode: string | null;
                        provinceCode: string | null;
                        from: string;
                        to: string;
                        briefings: number;
                        peopleReached: number;
                        peopleCoManaged: number;
                        persuadedIntoRehab: number;
                        patrols: number;
                        commitments: number;
                        outreachEvents: number;
                        commitmentSignings: number;
                        contests: number;
                        otherActivities: number;
                        contacts: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listClubs: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Club"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createClub: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    foundedOn: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getClub: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateClub: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    name?: string;
                    active?: boolean;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    addClubMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "person" | "family" | "collaborator";
                    /** @description Required for kind 'person' */
                    personId?: string;
                    /** @description Family members and collaborators */
                    name?: string;
                    phone?: string;
                    relation?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    joinedOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    leaveClub: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    leftOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordClubMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn: string;
                    /** @enum {string} */
                    kind: "regular" | "relapse_prevention";
                    topic: string;
                    place?: string;
                    attendeeMemberIds: string[];
                    guests?: number;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Club"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listPartners: {
        parameters: {
            query?: {
                provinceCode?: string;
                kind?: "employer" | "cooperative" | "vocational_training" | "social_policy_bank" | "lender" | "overseas_labour" | "other";
                q?: string;
                active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Partner"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "employer" | "cooperative" | "vocational_training" | "social_policy_bank" | "lender" | "overseas_labour" | "other";
                    name: string;
                    communeCode?: string;
                    address?: string;
                    phone?: string;
                    /** @description What they offer: jobs, courses, loans */
                    services?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updatePartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /** @enum {string} */
                    kind?: "employer" | "cooperative" | "vocational_training" | "social_policy_bank" | "lender" | "overseas_labour" | "other";
                    name?: string;
                    address?: string | null;
                    phone?: string | null;
                    services?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listReferrals: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                personId?: string;
                status?: "referred" | "accepted" | "started" | "completed" | "refused";
                service?: "job" | "vocational_training" | "loan" | "overseas_labour" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Referral"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createReferral: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    personId: string;
                    partnerId?: string;
                    /** @enum {string} */
                    service: "job" | "vocational_training" | "loan" | "overseas_labour" | "other";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    referredOn: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    moveReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                    /** @enum {string} */
                    status: "referred" | "accepted" | "started" | "completed" | "refused";
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    statusOn: string;
                    note?: string;
                    employerName?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    jobStartDate?: string;
                    /** @description VND */
                    loanAmount?: number;
                    loanPurpose?: string;
                    courseName?: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    courseCompletedOn?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listTrainings: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Training"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createTraining: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    course: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    heldOn: string;
                    organiser?: string;
                    hours?: number;
                    /** @description A commune training; without it, a province one */
                    communeCode?: string;
                    /** @default [] */
                    attendeeUserIds?: string[];
                    /** @default [] */
                    attendeeVolunteerIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Training"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listTrainingStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            fullName: string;
                            role: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getTrainingShare: {
        parameters: {
            query?: {
                communeCode?: string;
                provinceCode?: string;
                /** @description Date, YYYY-MM-DD */
                from?: string;
                /** @description Date, YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string | null;
                        to: string;
                        communeCode: string | null;
                        provinceCode: string | null;
                        staff: {
                            total: number;
                            trained: number;
                            percent: number | null;
                        };
                        volunteers: {
                            total: number;
                            trained: number;
                            percent: number | null;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getPersonSupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        personId: string;
                        volunteers: {
                            assignmentId: string;
                            volunteerId: string;
                            volunteerName: string;
                            organisation: string;
                            startedOn: string;
                            endedOn: string | null;
                        }[];
                        contacts: components["schemas"]["CommunityContact"][];
                        clubs: {
                            clubId: string;
                            clubName: string;
                            joinedOn: string;
                            leftOn: string | null;
                            meetingsAttended: number;
                            relapsePreventionSessions: number;
                        }[];
                        referrals: components["schemas"]["Referral"][];
                        summary: {
                            contacts: number;
                            jobs: number;
                            loans: number;
                            coursesCompleted: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listIndicators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Indicator"][];
                        blocks: {
                            pending: boolean;
                            id: string;
                            vi: string;
                            en: string;
                            /** @enum {string} */
                            source: "reports" | "people" | "dossiers" | "episodes" | "facility" | "community" | "screening" | "pending";
                            /** @enum {string} */
                            measure: "units" | "people" | "records" | "sum";
                            readonly params: {
                                name: string;
                                readonly values: string[];
                            }[];
                            readonly disaggregations: components["schemas"]["Disaggregation"][];
                            stock?: boolean;
                            /** @enum {string} */
                            sensitive?: "health";
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    vi: string;
                    en: string;
                    /** @enum {string} */
                    kind: "count" | "ratio";
                    numerator: {
                        /** @enum {string} */
                        block: "people_by_status" | "positive_tests" | "people_declared" | "monitoring_measures" | "addicts_determined" | "addicts_with_records" | "addicts_counselled" | "addicts_fully_served" | "decisions_issued" | "people_with_decision" | "episodes_started" | "episodes_active_at_end" | "episodes_active_in_period" | "post_rehab_people_with_manager" | "post_rehab_supported" | "relapse_tests" | "dossiers_submitted" | "people_in_dossiers_submitted" | "facility_admissions" | "facility_releases" | "facility_events" | "facility_event_people" | "facility_classes" | "facility_learners" | "facility_enrolments" | "community_activities" | "community_activity_sum" | "community_people_assigned" | "communes_with_volunteer_team" | "communes_total" | "club_members" | "drug_free_communes" | "people_with_service_access" | "people_medical_psych_support" | "staff_trained" | "staff_total";
                        params?: {
                            [key: string]: string;
                        };
                    };
                    denominator?: {
                        /** @enum {string} */
                        block: "people_by_status" | "positive_tests" | "people_declared" | "monitoring_measures" | "addicts_determined" | "addicts_with_records" | "addicts_counselled" | "addicts_fully_served" | "decisions_issued" | "people_with_decision" | "episodes_started" | "episodes_active_at_end" | "episodes_active_in_period" | "post_rehab_people_with_manager" | "post_rehab_supported" | "relapse_tests" | "dossiers_submitted" | "people_in_dossiers_submitted" | "facility_admissions" | "facility_releases" | "facility_events" | "facility_event_people" | "facility_classes" | "facility_learners" | "facility_enrolments" | "community_activities" | "community_activity_sum" | "community_people_assigned" | "communes_with_volunteer_team" | "communes_total" | "club_members" | "drug_free_communes" | "people_with_service_access" | "people_medical_psych_support" | "staff_trained" | "staff_total";
                        params?: {
                            [key: string]: string;
                        };
                    };
                    /** @default [] */
                    disaggregations?: ("sex" | "age_group" | "unit" | "substance" | "legal_basis")[];
                    target?: {
                        /** @enum {string} */
                        op: "gte" | "lte";
                        value: number;
                        by?: string;
                        source: {
                            vi: string;
                            en: string;
                        };
                    };
                    source: {
                        vi: string;
                        en: string;
                    };
                    /** @description What exactly is counted / Định nghĩa */
                    definition?: {
                        vi: string;
                        en: string;
                    };
                    /**
                     * @default targets
                     * @enum {string}
                     */
                    section?: "people" | "pathways" | "dossiers" | "post_rehab" | "facility" | "community" | "targets";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Indicator"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getIndicatorValue: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                /** @description Date, YYYY-MM-DD */
                from: string;
                /** @description Date, YYYY-MM-DD */
                to: string;
                by?: "sex" | "age_group" | "unit" | "substance" | "legal_basis";
                /** @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end) */
                grouping?: "today" | "period";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        stale: boolean;
                        unit: components["schemas"]["FigureUnit"];
                        from: string;
                        to: string;
                        grouping: components["schemas"]["FigureGrouping"];
                        figure: components["schemas"]["Figure"];
                        by: components["schemas"]["Disaggregation"] | null;
                        groups: {
                            key: string;
                            value: number | null;
                            numerator: number | null;
                            denominator: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listIndicatorRecords: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                /** @description Date, YYYY-MM-DD */
                from: string;
                /** @description Date, YYYY-MM-DD */
                to: string;
                part?: "numerator" | "denominator";
                /** @description Order of the list (ties by record) */
                sort?: "date" | "name" | "birth_year" | "sex" | "commune";
                dir?: "asc" | "desc";
                /** @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end) */
                grouping?: "today" | "period";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            recordId: string;
                            personId: string | null;
                            fullName: string | null;
                            sex: string | null;
                            birthYear: number | null;
                            communeCode: string | null;
                            facilityId: string | null;
                            date: string | null;
                            quantity: number;
                        }[];
                        limit: number;
                        offset: number;
                        /** @enum {string} */
                        sort: "date" | "name" | "commune" | "sex" | "birth_year";
                        /** @enum {string} */
                        dir: "asc" | "desc";
                        indicatorId: string;
                        /** @enum {string} */
                        part: "numerator" | "denominator";
                        pending: boolean;
                        grouping: components["schemas"]["FigureGrouping"];
                        total: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportIndicatorRecords: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                /** @description Date, YYYY-MM-DD */
                from: string;
                /** @description Date, YYYY-MM-DD */
                to: string;
                part?: "numerator" | "denominator";
                /** @description Order of the list (ties by record) */
                sort?: "date" | "name" | "birth_year" | "sex" | "commune";
                dir?: "asc" | "desc";
                /** @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end) */
                grouping?: "today" | "period";
                format: "xlsx" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getIndicatorTrend: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                periodKind: "month" | "quarter" | "half_year" | "nine_months" | "year";
                year: number;
                cutoffDay?: number;
                /** @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end) */
                grouping?: "today" | "period";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        stale: boolean;
                        unit: components["schemas"]["FigureUnit"];
                        indicatorId: string;
                        target: components["schemas"]["FigureTarget"] | null;
                        points: {
                            value: number | null;
                            numerator: number | null;
                            denominator: number | null;
                            from: string;
                            to: string;
                            index: number;
                            label: {
                                vi: string;
                                en: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getDashboard: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                /** @description Date, YYYY-MM-DD */
                from: string;
                /** @description Date, YYYY-MM-DD */
                to: string;
                /** @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end) */
                grouping?: "today" | "period";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        stale: boolean;
                        unit: components["schemas"]["FigureUnit"];
                        from: string;
                        to: string;
                        grouping: components["schemas"]["FigureGrouping"];
                        figures: components["schemas"]["Figure"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listReports: {
        parameters: {
            query?: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                year?: number;
                status?: "draft" | "submitted" | "returned" | "approved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            unitKind: string;
                            unitCode: string;
                            unitName: string;
                            /** @enum {string} */
                            periodKind: "month" | "quarter" | "half_year" | "nine_months" | "year";
                            year: number;
                            index: number;
                            from: string;
                            to: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "returned" | "approved";
                            version: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                    unit?: string;
                    /** @enum {string} */
                    periodKind: "month" | "quarter" | "half_year" | "nine_months" | "year";
                    year: number;
                    /** @default 1 */
                    index?: number;
                    /** @description Cut-off day; default: the national setting for the period (15: 15th → 14th) */
                    cutoffDay?: number;
                    narrative?: {
                        summary?: string;
                        difficulties?: string;
                        directions?: string;
                        proposals?: string;
                    };
                    /**
                     * @description Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end)
                     * @enum {string}
                     */
                    grouping?: "today" | "period";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listReportSubmissions: {
        parameters: {
            query: {
                /** @description 'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope */
                unit?: string;
                periodKind: "month" | "quarter" | "half_year" | "nine_months" | "year";
                year: number;
                index?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unit: {
                            /** @enum {string} */
                            kind: "nation";
                            code: string;
                        } | {
                            /** @enum {string} */
                            kind: "province";
                            code: string;
                        };
                        items: {
                            code: string;
                            name: string;
                            kind: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "returned" | "approved" | "not_started";
                            submittedAt: string | null;
                            reportId: string | null;
                            unitsSubmitted: number | null;
                            unitsApproved: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    narrative: {
                        summary?: string;
                        difficulties?: string;
                        directions?: string;
                        proposals?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    submitReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    returnReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    comment: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    approveReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    exportReport: {
        parameters: {
            query: {
                format: "xlsx" | "pdf" | "docx" | "json" | "csv" | "adx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp / File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/json": string;
                    "text/csv": string;
                    "application/adx+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getReportingCutoff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCutoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    setReportingCutoff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Cut-off day: a period runs from this day of the month before to the day before it (1: calendar months) */
                    day: number;
                    /**
                     * Format: date
                     * @description From this date on (YYYY-MM-DD)
                     */
                    effectiveFrom: string;
                    reason: string;
                    /** @description The number of settings this change was based on */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCutoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listDrugFreeCommunes: {
        parameters: {
            query?: {
                province?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DrugFreeCommune"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    recogniseDrugFreeCommune: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    communeCode: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    recognisedOn: string;
                    decisionNumber: string;
                    /** @description Who decided, e.g. Chủ tịch UBND tỉnh */
                    decidedBy: string;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    validUntil?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrugFreeCommune"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    revokeDrugFreeCommune: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    /**
                     * Format: date
                     * @description Date, YYYY-MM-DD
                     */
                    revokedOn: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrugFreeCommune"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listAreas: {
        parameters: {
            query?: {
                /** @description A 2-digit province code; default: your province (a national officer's: every province) */
                province?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Area"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createArea: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: your province */
                    provinceCode?: string;
                    name: string;
                    communeCodes: string[];
                    legacyDistrict?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Area"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listLegacyDistricts: {
        parameters: {
            query?: {
                /** @description A 2-digit province code; default: your province */
                province?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        province: string;
                        items: {
                            name: string;
                            oldProvinceName: string;
                            communes: {
                                code: string;
                                name: string;
                                shared: boolean;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Area"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                    name: string;
                    communeCodes: string[];
                    legacyDistrict?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Area"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    deleteArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version this change was based on */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listJobRuns: {
        parameters: {
            query?: {
                job?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            job: string;
                            slot: string;
                            server: string;
                            startedAt: string;
                            endedAt: string | null;
                            /** @enum {string} */
                            outcome: "running" | "ok" | "failed" | "interrupted";
                            error: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
